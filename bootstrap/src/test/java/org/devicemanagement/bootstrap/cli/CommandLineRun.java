package org.devicemanagement.bootstrap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.devicemanagement.bootstrap.Main;
import picocli.CommandLine;

/** The outcome of running the command line in-process: exit code, stdout and stderr. */
record CommandLineRun(int exitCode, String out, String err) {

  static CommandLineRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandLineRun(exitCode, out.toString(), err.toString());
  }
}
