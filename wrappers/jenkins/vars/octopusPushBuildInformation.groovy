// octopusPushBuildInformation: the official Octopus Deploy plugin's pipeline step, by the same name and
// with the same parameters, running the buildinfo CLI. Help: octopusPushBuildInformation.txt beside this.
// Only the steps sh, bat, isUnix, withCredentials + string, tool, echo and error are used, so
// the library needs no plugin beyond Credentials Binding. The helpers that call no step are @NonCPS.
import com.cloudbees.groovy.cps.NonCPS

/** The official step's parameters (docs/reference/official-build-steps.md), then ours. */
@NonCPS
private static List<String> knownParameters() {
  [
    'serverId', 'spaceId', 'toolId', 'packageId', 'packageVersion', 'commentParser', 'overwriteMode',
    'gitUrl', 'gitCommit', 'gitBranch', 'verboseLogging', 'additionalArgs',
    'serverUrl', 'runOnFailure',
  ]
}

def call(Map parameters = [:]) {
  def unknown = parameters.keySet().findAll { !(it in knownParameters()) }
  if (unknown) {
    error("octopusPushBuildInformation: unknown parameter ${unknown.join(', ')}. Known: ${knownParameters().join(', ')}.")
  }
  if (currentBuild.result == 'FAILURE' && !parameters.runOnFailure) {
    echo 'octopusPushBuildInformation: not pushing build information, because the build has failed (runOnFailure: true pushes anyway).'
    return
  }
  for (name in ['serverId', 'packageId', 'packageVersion']) {
    if (!parameters[name]?.toString()?.trim()) {
      error("octopusPushBuildInformation: the ${name} parameter is required.")
    }
  }
  String serverUrl = parameters.serverUrl ?: env.OCTOPUS_URL
  if (!serverUrl) {
    error('octopusPushBuildInformation: no Octopus server: pass serverUrl, or set OCTOPUS_URL (e.g. in environment {}).')
  }
  if (parameters.commentParser) {
    echo "octopusPushBuildInformation: commentParser ${parameters.commentParser} is not needed; Octopus links work items from the commit messages itself."
  }
  boolean unix = isUnix()
  String executable = unix ? 'buildinfo' : 'buildinfo.exe'
  if (parameters.toolId) {
    String home = tool(parameters.toolId)
    if (isOctopusCli(home)) {
      // The official step's toolId names an Octopus CLI installation (its home is octo's path).
      echo "octopusPushBuildInformation: toolId ${parameters.toolId} is the Octopus CLI (${home}), which buildinfo replaces; running ${executable} from the PATH."
    } else {
      executable = "${home}${unix ? '/' : '\\'}${executable}"
    }
  }
  List<String> arguments = [executable] + pushArguments(parameters, serverUrl)
  String commandLine = arguments.collect { unix ? shellQuote(it) : batchQuote(it) }.join(' ')
  // The API key only ever travels in the environment: never on the command line Jenkins echoes.
  withCredentials([string(credentialsId: parameters.serverId, variable: 'OCTOPUS_API_KEY')]) {
    if (unix) {
      sh(script: commandLine, label: 'Push build information to Octopus')
    } else {
      bat(script: "@${commandLine}", label: 'Push build information to Octopus')
    }
  }
}

/** An Octopus CLI installation's home: the path of octo (or octopus) itself. */
@NonCPS
private static boolean isOctopusCli(String home) {
  String name = home.replaceAll('[\\\\/]+$', '').tokenize('/\\').with { it ? it[-1] : '' }
  name ==~ /(?i)(octo|octopus)(\.exe)?/
}

/**
 * `buildinfo build-information` (push, plus octo's options) for the step's parameters, so additionalArgs
 * written for the official step (`--logLevel verbose`, `--timeout 600`) still work; the official step's
 * git overrides become ours.
 */
@NonCPS
private static List<String> pushArguments(Map parameters, String serverUrl) {
  List<String> arguments = ['build-information', '--from', 'jenkins']
  parameters.packageId.toString().split('\n').collect { it.trim() }.findAll { it }.each {
    arguments += ['--package-id', it]
  }
  arguments += ['--version', parameters.packageVersion.toString().trim(), '--server', serverUrl]
  if (parameters.spaceId) arguments += ['--space', parameters.spaceId.toString()]
  if (parameters.overwriteMode) arguments += ['--overwrite-mode', parameters.overwriteMode.toString()]
  if (parameters.gitUrl) arguments += ['--vcs-root', parameters.gitUrl.toString()]
  if (parameters.gitCommit) arguments += ['--commit', parameters.gitCommit.toString()]
  if (parameters.gitBranch) arguments += ['--branch', parameters.gitBranch.toString()]
  if (parameters.verboseLogging) arguments += ['--verbose']
  if (parameters.additionalArgs) arguments += splitArguments(parameters.additionalArgs.toString())
  arguments
}

/** Splits additionalArgs as the official plugin does (Ant's Commandline): on blanks, keeping quoted parts. */
@NonCPS
private static List<String> splitArguments(String text) {
  List<String> arguments = []
  StringBuilder current = null
  Character quote = null
  for (char c in text.toCharArray()) {
    if (quote != null) {
      if (c == quote) { quote = null } else { current.append(c) }
    } else if (c == '"' || c == '\'') {
      quote = c
      if (current == null) current = new StringBuilder()
    } else if (Character.isWhitespace(c)) {
      if (current != null) { arguments << current.toString(); current = null }
    } else {
      if (current == null) current = new StringBuilder()
      current.append(c)
    }
  }
  if (current != null) arguments << current.toString()
  arguments
}

/** One POSIX shell word: single quotes, each inner single quote closed, escaped and reopened. */
@NonCPS
private static String shellQuote(String value) {
  "'" + value.replace("'", "'\\''") + "'"
}

/** One cmd.exe word: double quotes, inner ones doubled, % doubled so that nothing expands. */
@NonCPS
private static String batchQuote(String value) {
  '"' + value.replace('"', '""').replace('%', '%%') + '"'
}
