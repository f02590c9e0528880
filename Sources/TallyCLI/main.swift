import Foundation
import TallyCommands

// `tally`: runs the command line with this process's streams, environment
// and clock, and exits with its code (README, "Command reference"). An
// interrupt or termination deletes the temporary files of `--output` and
// `--rejects` before the process ends.
TemporaryFileRegistry.installSignalHandlers()
exit(TallyCommandLine.run(Array(CommandLine.arguments.dropFirst()), context: .process()).rawValue)
