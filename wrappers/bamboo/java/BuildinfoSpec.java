// Bamboo Java Specs for the same plan as bamboo-specs/bamboo.yml (documentation: this file is not
// compiled by the repository's tests, which run the YAML's script; it needs com.atlassian.bamboo:bamboo-specs).
import com.atlassian.bamboo.specs.api.BambooSpec;
import com.atlassian.bamboo.specs.api.builders.Variable;
import com.atlassian.bamboo.specs.api.builders.plan.Job;
import com.atlassian.bamboo.specs.api.builders.plan.Plan;
import com.atlassian.bamboo.specs.api.builders.plan.Stage;
import com.atlassian.bamboo.specs.api.builders.project.Project;
import com.atlassian.bamboo.specs.api.builders.requirement.Requirement;
import com.atlassian.bamboo.specs.builders.task.CheckoutItem;
import com.atlassian.bamboo.specs.builders.task.ScriptTask;
import com.atlassian.bamboo.specs.builders.task.VcsCheckoutTask;
import com.atlassian.bamboo.specs.util.BambooServer;

@BambooSpec
public class BuildinfoSpec {
  /** The script of bamboo.yml's task: values from the bamboo_* environment, never substituted into the text. */
  static final String PUSH_SCRIPT = String.join("\n",
      "set -eu",
      "export OCTOPUS_URL=\"$bamboo_octopus_server\"",
      "export OCTOPUS_SPACE=\"${bamboo_octopus_space:-}\"",
      "export OCTOPUS_API_KEY=\"$bamboo_octopus_secret_apikey\"",
      "export BAMBOO_TOKEN=\"${bamboo_buildinfo_rest_secret_token:-}\"",
      "set -f",
      "set -- push --from bamboo --version \"${bamboo_octopus_version:-$bamboo_buildNumber}\"",
      "for package_id in $(printf '%s' \"$bamboo_octopus_packages\" | tr ',' ' '); do",
      "  set -- \"$@\" --package-id \"$package_id\"",
      "done",
      "[ -z \"${bamboo_octopus_overwritemode:-}\" ] || set -- \"$@\" --overwrite-mode \"$bamboo_octopus_overwritemode\"",
      "[ \"${bamboo_octopus_verbose:-}\" != true ] || set -- \"$@\" --verbose",
      "[ -z \"${bamboo_octopus_since_deployed:-}\" ] || set -- \"$@\" --since-deployed \"$bamboo_octopus_since_deployed\"",
      "[ -z \"${bamboo_octopus_project:-}\" ] || set -- \"$@\" --project \"$bamboo_octopus_project\"",
      "\"${bamboo_capability_buildinfo:?set the agent capability buildinfo to the folder holding the buildinfo executable}/buildinfo\" \"$@\"");

  public static void main(String[] arguments) {
    Plan plan = new Plan(new Project().key("SHOP"), "Shop web", "WEB")
        .variables(
            new Variable("octopus.server", "https://octopus.example.com"),
            new Variable("octopus.space", "Default"),
            new Variable("octopus.packages", "Acme.Web Acme.Api"),
            // "secret" in the name: Bamboo stores it encrypted and masks it in logs.
            new Variable("octopus.secret.apikey", "BAMSCRT@0@0@replace-with-the-encrypted-api-key"))
        .stages(new Stage("Package").jobs(new Job("Package", "PACKAGE")
            .requirements(new Requirement("buildinfo"))
            .tasks(
                new VcsCheckoutTask().checkoutItems(new CheckoutItem().defaultRepository()),
                new ScriptTask().description("Push build information to Octopus").inlineBody(PUSH_SCRIPT))));
    new BambooServer("https://bamboo.example.com").publish(plan);
  }
}
