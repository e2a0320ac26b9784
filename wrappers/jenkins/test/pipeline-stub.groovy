// Runs the library's step against a stubbed pipeline DSL, once per scenario of the JSON file named by
// the first argument, and prints one JSON array of what each scenario did: every step called with its
// arguments, the environment a sh/bat step got (bound credentials and withEnv variables), and, for
// scenarios marked `execute`, the sh script run for real (sh -xec, in `cwd`, with the scenario's
// environment plus that step environment), whose exit code the sh step returns (`returnStatus: true`);
// otherwise sh and bat return the scenario's `status` (default 0). One Groovy process for every
// scenario, since a JVM start costs seconds.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

class StepError extends RuntimeException {
  StepError(String message) { super(message) }
}

def input = new JsonSlurper().parse(new File(args[0]))
def results = input.scenarios.collect { scenario -> runScenario(new File(input.step as String), scenario as Map) }
println JsonOutput.toJson(results)

def runScenario(File stepFile, Map scenario) {
  List calls = []
  Map bound = [:]
  Map result = [name: scenario.name, calls: calls]
  Script step = new GroovyShell().parse(stepFile)
  Binding binding = step.binding
  binding.setVariable('env', new LinkedHashMap(scenario.env as Map))
  binding.setVariable('currentBuild', [result: scenario.currentBuildResult])
  binding.setVariable('echo', { String message -> calls << [step: 'echo', message: message] })
  binding.setVariable('error', { String message ->
    calls << [step: 'error', message: message]
    throw new StepError(message)
  })
  binding.setVariable('isUnix', { -> calls << [step: 'isUnix']; scenario.unix != false })
  binding.setVariable('tool', { String id ->
    calls << [step: 'tool', id: id]
    String home = (scenario.tools as Map)?.get(id)
    if (home == null) throw new StepError("No tool named ${id} found")
    home
  })
  binding.setVariable('string', { Map binding_ -> [kind: 'string'] + binding_ })
  binding.setVariable('withCredentials', { List bindings, Closure body ->
    calls << [step: 'withCredentials', bindings: bindings]
    bindings.each { credential ->
      String secret = (scenario.credentials as Map)?.get(credential.credentialsId)
      if (secret == null) throw new StepError("Could not find credentials entry with ID '${credential.credentialsId}'")
      bound[credential.variable] = secret
    }
    try { body() } finally { bindings.each { bound.remove(it.variable) } }
  })
  binding.setVariable('withEnv', { List variables, Closure body ->
    calls << [step: 'withEnv', variables: variables]
    Map saved = new LinkedHashMap(bound)
    variables.each { String entry -> bound[entry.substring(0, entry.indexOf('='))] = entry.substring(entry.indexOf('=') + 1) }
    try { body() } finally { bound.clear(); bound.putAll(saved) }
  })
  ['sh', 'bat'].each { String name ->
    binding.setVariable(name, { Map arguments ->
      calls << [step: name, script: arguments.script, label: arguments.label, returnStatus: arguments.returnStatus, boundEnv: new LinkedHashMap(bound)]
      int status = (scenario.status ?: 0) as int
      if (scenario.execute && name == 'sh') {
        result.process = execute(arguments.script as String, scenario, bound)
        status = result.process.code as int
      }
      if (arguments.returnStatus) return status
      if (status != 0) throw new StepError("script returned exit code ${status}")
      null
    })
  }
  try {
    step.call(scenario.parameters as Map)
    result.ok = true
  } catch (StepError error) {
    result.ok = false
    result.error = error.message
  }
  result
}

/** The sh step for real: `sh -c SCRIPT` (Jenkins runs `sh -xe`, which echoes the command line). */
def execute(String script, Map scenario, Map bound) {
  ProcessBuilder builder = new ProcessBuilder('sh', '-xec', script).directory(new File(scenario.cwd as String))
  Map<String, String> environment = builder.environment()
  environment.clear()
  environment.putAll(scenario.env as Map)
  environment.putAll(bound)
  Process process = builder.start()
  StringBuffer stdout = new StringBuffer()
  StringBuffer stderr = new StringBuffer()
  process.waitForProcessOutput(stdout, stderr)
  [code: process.exitValue(), stdout: stdout.toString(), stderr: stderr.toString()]
}
