package io.fairlead.service.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The files a command line names, checked before anything is done with them: an input must be a
 * readable file; an output's directory must exist and be writable. A failure is bad usage (exit 2),
 * its message led by the option or parameter that named the file.
 */
final class FileChecks {

  private FileChecks() {}

  /** Refuses a file that does not exist, is a directory, or cannot be read. */
  static void readable(CommandLine cl, String name, Path file) {
    if (!Files.exists(file)) {
      throw new ParameterException(cl, name + ": no such file '" + file + "'");
    }
    if (Files.isDirectory(file)) {
      throw new ParameterException(cl, name + ": '" + file + "' is a directory, not a file");
    }
    if (!Files.isReadable(file)) {
      throw new ParameterException(cl, name + ": cannot read '" + file + "' (permission denied)");
    }
  }

  /**
   * Refuses an output whose directory does not exist or cannot be written, or that is a directory
   * or a file that cannot be overwritten.
   */
  static void writable(CommandLine cl, String name, Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path shown = file.getParent() != null ? file.getParent() : dir; // as the user named it
    if (Files.isDirectory(file)) {
      throw new ParameterException(
          cl, name + ": '" + file + "' is a directory; name the file to write");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new ParameterException(
          cl, name + ": no such directory '" + shown + "' to write '" + file + "' in");
    }
    if (!Files.isWritable(dir)) {
      throw new ParameterException(
          cl, name + ": cannot write in directory '" + shown + "' (permission denied)");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new ParameterException(
          cl, name + ": cannot overwrite '" + file + "' (permission denied)");
    }
  }

  /** Whether two paths name the same existing file. */
  static boolean same(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
