/// The result of the certificate bundle pre-check (`tally ssl check`, README
/// "For the ticket service"): the findings for one folder. Findings name files
/// and known PEM labels only, never the files' contents. Render with
/// ``text()`` or ``json()``.
public struct BundleCheckResult: Report, Hashable {
    /// The folder checked, as given.
    public let directory: String
    /// The findings, key first, then certificate, then chain.
    public let findings: [BundleFinding]

    /// Makes a result.
    public init(directory: String, findings: [BundleFinding]) {
        self.directory = directory
        self.findings = findings
    }

    /// Whether the bundle can be installed: no finding is a problem (warnings allowed).
    public var isAcceptable: Bool {
        !findings.contains { $0.severity == .problem }
    }

    /// The findings as text, one a line with its severity, then a verdict.
    public func text() -> String {
        var output = "Certificate bundle in \(directory)\n"
        output += "(a structural check of the PEM armour: no X.509 validation, no key/certificate match)\n"
        var table = TextTable([.init(title: "", alignment: .left), .init(title: "", alignment: .left)], indent: 2)
        for finding in findings { table.add([finding.severity.rawValue, finding.description]) }
        output += table.rendered(header: false)
        let problems = findings.filter { $0.severity == .problem }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        if problems > 0 {
            output += "Result: \(problems) problem\(problems == 1 ? "" : "s"); the customer must fix \(problems == 1 ? "it" : "them") before support installs the bundle\n"
        } else {
            output += "Result: acceptable" + (warnings > 0 ? ", with \(warnings) warning\(warnings == 1 ? "" : "s")" : "") + "\n"
        }
        return ReportText.fitted(output)
    }

    /// The findings as one JSON document: `directory`, `acceptable` and
    /// `findings`, each with `severity` (ok, warning, problem), `code` (see
    /// ``BundleFinding/code``), `file` (absent for the bundle as a whole) and
    /// `message`.
    public func json() -> String {
        ReportText.json(BundleDocument(
            directory: directory, acceptable: isAcceptable,
            findings: findings.map { .init(severity: $0.severity.rawValue, code: $0.code, file: $0.file, message: $0.description) }))
    }
}

struct BundleDocument: Encodable {
    struct Finding: Encodable {
        var severity: String
        var code: String
        var file: String?
        var message: String
    }

    var directory: String
    var acceptable: Bool
    var findings: [Finding]
}
