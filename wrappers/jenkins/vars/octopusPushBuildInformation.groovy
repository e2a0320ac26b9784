// octopusPushBuildInformation: the official Octopus Deploy plugin's pipeline step, by the same name and
// with the same parameters, running the buildinfo CLI. Help: octopusPushBuildInformation.txt beside this.
// Only the steps sh, bat, isUnix, withCredentials + string, withEnv, tool, echo and error are used, so
// the library needs no plugin beyond Credentials Binding. The helpers that call no step are @NonCPS.
import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonOutput

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
  for (name in singleLineParameters()) {
    if (parameters[name] != null && hasLineBreak(parameters[name].toString())) {
      error("octopusPushBuildInformation: the ${name} parameter holds a line break, which no ${name} can contain: give it on one line.")
    }
  }
  String serverUrl = parameters.serverUrl ?: env.OCTOPUS_URL
  if (!serverUrl) {
    error('octopusPushBuildInformation: no Octopus server: pass serverUrl, or set OCTOPUS_URL (e.g. in environment {}).')
  }
  if (hasLineBreak(serverUrl)) {
    error('octopusPushBuildInformation: OCTOPUS_URL holds a line break, which no URL can contain: set it on one line.')
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
  List<String> arguments = pushArguments(parameters, serverUrl)
  // No value ever reaches the script's text: cmd.exe expands %VAR% and splits on & | < > before the
  // program sees its line, which it then re-splits by CommandLineToArgvW's rules. The script is
  // constant; the arguments travel as JSON in the environment, which buildinfo itself reads.
  String argumentsJson = asciiJson(arguments)
  echo "octopusPushBuildInformation: running ${executable} with the arguments ${argumentsJson}"
  int status
  withCredentialsOf(parameters.serverId.toString()) {
    withEnv(["BUILDINFO_EXECUTABLE=${executable}", "BUILDINFO_STEP_ARGS=${argumentsJson}"]) {
      if (unix) {
        status = sh(script: shScript(), label: 'Push build information to Octopus', returnStatus: true)
      } else {
        status = bat(script: batScript(), label: 'Push build information to Octopus', returnStatus: true)
      }
    }
  }
  if (status == notFoundStatus(unix)) {
    error("octopusPushBuildInformation: ${executable} was not found on this agent. Put the buildinfo executable on the agent's PATH (the standalone ${unix ? 'buildinfo-linux-x64' : 'buildinfo-win-x64.exe'} of a release, renamed ${unix ? 'buildinfo' : 'buildinfo.exe'}), or configure it as a tool installation (Manage Jenkins > Tools, e.g. a Custom tool whose home holds it) and pass that tool's name as toolId.")
  }
  if (status != 0) {
    error("octopusPushBuildInformation: buildinfo exited with ${status}${status == 2 ? ' (invalid input: nothing was sent)' : ''}; see the lines above.")
  }
}

/** The API key, bound to OCTOPUS_API_KEY for `body` only, or an error saying what serverId must name. */
private void withCredentialsOf(String credentialsId, Closure body) {
  boolean bound = false
  try {
    withCredentials([string(credentialsId: credentialsId, variable: 'OCTOPUS_API_KEY')]) {
      bound = true
      body()
    }
  } catch (Exception failure) {
    if (bound) throw failure
    error("octopusPushBuildInformation: serverId '${credentialsId}' is not a Secret text credential this job can use (${failure.message}). Here serverId names the Jenkins credential (kind Secret text) that holds the Octopus API key, not an Octopus server configured under Manage Jenkins as in the official plugin: add such a credential with this id, and give the server URL as serverUrl or OCTOPUS_URL.")
  }
}

/** `command -v` first, so a missing executable gets this step's explanation rather than sh's one-liner. */
@NonCPS
private static String shScript() {
  'command -v "$BUILDINFO_EXECUTABLE" >/dev/null 2>&1 || exit 127\n"$BUILDINFO_EXECUTABLE" --args-from-env BUILDINFO_STEP_ARGS'
}

/** cmd.exe expands %BUILDINFO_EXECUTABLE% once, before parsing; a Windows path cannot hold the quote. */
@NonCPS
private static String batScript() {
  '@"%BUILDINFO_EXECUTABLE%" --args-from-env BUILDINFO_STEP_ARGS'
}

/** What a shell returns for a command it cannot find: 127 (POSIX sh), 9009 (cmd.exe). */
@NonCPS
private static int notFoundStatus(boolean unix) {
  unix ? 127 : 9009
}

/**
 * The arguments as JSON with every non-ASCII character escaped (\\uXXXX): an agent whose JVM runs in the
 * POSIX locale, or a Windows code page, would otherwise turn them into '?' on the way to the process.
 */
@NonCPS
private static String asciiJson(List<String> arguments) {
  StringBuilder json = new StringBuilder()
  for (char c in JsonOutput.toJson(arguments).toCharArray()) {
    if (c < 0x7f) { json.append(c) } else { json.append(String.format('\\u%04x', (int) c)) }
  }
  json.toString()
}

/** Every parameter but packageId (one id per line) and additionalArgs (split on blanks, line breaks included). */
@NonCPS
private static List<String> singleLineParameters() {
  [
    'serverId', 'spaceId', 'toolId', 'packageVersion', 'overwriteMode', 'gitUrl', 'gitCommit', 'gitBranch',
    'serverUrl', 'commentParser',
  ]
}

/** CR, LF and the Unicode line and paragraph separators (NEL, U+2028, U+2029). */
@NonCPS
private static boolean hasLineBreak(String value) {
  value ==~ /(?s).*[\r\n\u0085\u2028\u2029].*/
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
  // `--name=value`, so that a value starting with `-` is never read as an option of its own.
  List<String> arguments = ['build-information', '--from', 'jenkins']
  parameters.packageId.toString().split('[\r\n]+').collect { it.trim() }.findAll { it }.each {
    arguments << "--package-id=${it}".toString()
  }
  arguments << "--version=${parameters.packageVersion.toString().trim()}".toString()
  arguments << "--server=${serverUrl}".toString()
  Map overrides = [
    spaceId: '--space', overwriteMode: '--overwrite-mode', gitUrl: '--vcs-root', gitCommit: '--commit',
    gitBranch: '--branch',
  ]
  overrides.each { name, option ->
    if (parameters[name]) arguments << "${option}=${parameters[name]}".toString()
  }
  if (parameters.verboseLogging) arguments << '--verbose'
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
