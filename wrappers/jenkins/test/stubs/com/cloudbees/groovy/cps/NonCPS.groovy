// Stand-in for Jenkins' com.cloudbees.groovy.cps.NonCPS (workflow-cps), so that the library's step
// compiles outside Jenkins: it marks methods that run as plain Groovy, without CPS transformation.
package com.cloudbees.groovy.cps

import java.lang.annotation.ElementType
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

@Retention(RetentionPolicy.RUNTIME)
@Target([ElementType.METHOD])
@interface NonCPS {}
