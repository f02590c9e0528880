import Tally

/// `tally ssl check DIR`: the certificate bundle pre-check (README, "For the
/// ticket service").
struct SSLCheckCommand: Command {
    let name = "ssl check"
    let summary = "pre-check the bundle in DIR (ssl.key, ssl.crt, ssl.chain); never prints key material"
    let synopsis = "tally ssl check DIR [--format text|json]"
    let help = """
        Usage: tally ssl check DIR [--format text|json]

        Pre-checks the customer's bundle in DIR: ssl.key, ssl.crt and the optional
        ssl.chain. A structural check of the PEM armour, not an X.509 validation:
        no key/certificate match, no dates or names. Findings name files and PEM
        labels only; no byte of any file is ever printed.

        Options:
          --format FORMAT   text (default) or json
          -h, --help        show this help

        Exit codes: 0 no problem found (warnings allowed), 64 usage error, 65 the
        bundle has a problem, 66 DIR missing or not a folder.
        """

    func run(_ arguments: ArraySlice<String>, _ context: CommandContext) throws(UsageError) -> ExitCode {
        let parsed = try Arguments(arguments, options: ["--format"], flags: [])
        guard parsed.positionals.count == 1, let directory = parsed.positionals.first else {
            throw .wrongArguments(command: "ssl check", expected: "one folder, the one holding ssl.key, ssl.crt and ssl.chain")
        }
        let format = try ReportCommand.format(parsed, for: BundleCheckResult.self)
        let result: BundleCheckResult
        do {
            result = try CertificateBundleCheck.check(directory: directory)
        } catch {
            context.console.error("tally: \(error)")
            return .noInput
        }
        return try ReportCommand.emit(result, as: format, to: nil, status: result.isAcceptable ? .success : .dataError, context)
    }
}
