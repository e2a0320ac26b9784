import { queryValue } from "./model-binding";
import { badRequest, collection, type ServerReply } from "./octopus-resources";

const takeAll = 2_147_483_647;

export interface Paging {
  skip: number;
  take: number;
}

/** `skip` and `take` (default 30), or the 400 the server answers for a value that is not a count. */
export function readPaging(query: URLSearchParams): Paging | ServerReply {
  const errors: string[] = [];
  const read = (name: string, fallback: number): number => {
    const raw = queryValue(query, name);
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > takeAll) {
      errors.push(`The value '${raw}' is not valid for ${name}.`);
      return fallback;
    }
    return value;
  };
  const skip = read("skip", 0);
  const take = read("take", 30);
  return errors.length > 0 ? badRequest(errors) : { skip, take };
}

/** One page of `items` as a `ResourceCollection` answer, or the 400 for bad paging values. */
export function pageReply<T>(
  request: { path: string; query: URLSearchParams },
  itemType: string,
  items: T[],
  template: string,
): ServerReply {
  const paging = readPaging(request.query);
  if ("status" in paging) return paging;
  return {
    status: 200,
    body: collection(itemType, items, { ...paging, path: request.path, query: request.query, template }),
  };
}
