// The markdown-it plugins ship no types of their own.
declare module "markdown-it-sub" {
  const plugin: (md: InstanceType<typeof import("markdown-it").default>) => void;
  export default plugin;
}
declare module "markdown-it-sup" {
  const plugin: (md: InstanceType<typeof import("markdown-it").default>) => void;
  export default plugin;
}
declare module "markdown-it-ins" {
  const plugin: (md: InstanceType<typeof import("markdown-it").default>) => void;
  export default plugin;
}
declare module "markdown-it-mark" {
  const plugin: (md: InstanceType<typeof import("markdown-it").default>) => void;
  export default plugin;
}
