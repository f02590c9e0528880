import Foundation
import Testing

@Suite("No command ever prints key material")
struct KeyMaterialTests {
    /// Base64-safe, so it can sit inside a PEM body as key material would.
    static let marker = "TALLYKEYMATERIALMARKER7x9Q"

    /// Key files that hold the marker in every place a key file can hold text.
    static let keys: [(String, [UInt8])] = {
        let body = BundleFiles.body + marker + "\n"
        let variants = [
            ("plain", BundleFiles.pem("RSA PRIVATE KEY", body: body)),
            ("passphrase", BundleFiles.pem("RSA PRIVATE KEY", headers: ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,\(marker)"], body: body)),
            ("pkcs8-encrypted", BundleFiles.pem("ENCRYPTED PRIVATE KEY", body: body)),
            ("text-around", "comment \(marker)\n" + BundleFiles.pem("PRIVATE KEY", body: body) + "\(marker)\n"),
            ("label", BundleFiles.pem("\(marker) PRIVATE KEY", body: body)),
            ("truncated", String(BundleFiles.pem("PRIVATE KEY", body: body).dropLast(30))),
            ("not-base64", BundleFiles.pem("PRIVATE KEY", body: body + "\(marker)!\n")),
            ("not-pem", "\(marker)\n\(marker)\n"),
            ("several", BundleFiles.pem("PRIVATE KEY", body: body) + BundleFiles.pem("EC PRIVATE KEY", body: body)),
        ]
        return variants.map { ($0.0, Array($0.1.utf8)) } + [("der", BundleFiles.derKey + Array(marker.utf8))]
    }()

    @Test("ssl check (text and JSON), and every other command given the key file as a log, never echo the key", arguments: keys.indices)
    func marker(index: Int) throws {
        let (name, key) = Self.keys[index]
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(key).write(to: folder.appendingPathComponent("ssl.key"))
        // The key also slipped into the certificate file, a common mistake.
        try Data(Array(BundleFiles.certificate.utf8) + key).write(to: folder.appendingPathComponent("ssl.crt"))
        let keyPath = folder.appendingPathComponent("ssl.key").path
        let runs = [
            ["ssl", "check", folder.path],
            ["ssl", "check", "--format", "json", folder.path],
            ["ssl", "list", "--account", "acct_a", "--at", "2026-10-10T00:00:00Z", keyPath],
            ["account", "--account", "acct_a", "--at", "2026-10-10T00:00:00Z", keyPath],
            ["ssl", "quote", "--account", "acct_a", "--app", "shop", "--domain", "d.example", "--at", "2026-10-10T00:00:00Z", keyPath],
            ["ssl", "update", "--account", "acct_a", "--domain", "d.example", "--at", "2026-10-10T00:00:00Z", keyPath],
            ["invoice", "--month", "2026-10", keyPath],
        ]
        for arguments in runs {
            let result = try TallyExecutable.run(arguments)
            #expect(!result.standardOutput.contains(Self.marker), "\(name): stdout of \(arguments)")
            #expect(!result.standardError.contains(Self.marker), "\(name): stderr of \(arguments)")
            #expect(!result.standardOutput.isEmpty || !result.standardError.isEmpty, "\(name): \(arguments) said nothing")
        }
        // Nothing was appended to the key file.
        #expect(try Data(contentsOf: URL(fileURLWithPath: keyPath)) == Data(key))
    }
}
