import Foundation
import Testing
@testable import Tally

/// Made-up bundle files: PEM armour around base64 that is not a real key or
/// certificate (the check is structural), and DER-shaped binary headers.
enum BundleFiles {
    static let body = String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\n", count: 5) + "d3h5ejAxMjM0NTY3ODk=\n"

    static func pem(_ label: String, headers: [String] = [], body: String = body) -> String {
        "-----BEGIN \(label)-----\n" + (headers.isEmpty ? "" : headers.joined(separator: "\n") + "\n\n") + body + "-----END \(label)-----\n"
    }

    static let key = pem("RSA PRIVATE KEY")
    static let pkcs8Key = pem("PRIVATE KEY")
    static let certificate = pem("CERTIFICATE")
    static let intermediate = pem("CERTIFICATE")

    static let derCertificate: [UInt8] = [0x30, 0x82, 0x02, 0xB7, 0x30, 0x82, 0x01, 0x9F, 0xA0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x14]
    static let derKey: [UInt8] = [0x30, 0x82, 0x04, 0xA4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00, 0xC3]
    static let derEncryptedKey: [UInt8] = [0x30, 0x82, 0x05, 0x2D, 0x30, 0x57, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7]
    static let pkcs7: [UInt8] = [0x30, 0x82, 0x02, 0xE2, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02, 0xA0]
    static let pkcs12: [UInt8] = [0x30, 0x82, 0x09, 0x7F, 0x02, 0x01, 0x03, 0x30, 0x82, 0x09, 0x45, 0x06, 0x09]

    static func bytes(_ text: String) -> CertificateBundleCheck.FileContent { .bytes(Array(text.utf8)) }
}

@Suite("Certificate bundle pre-check (structural, PEM armour only)")
struct CertificateBundleCheckTests {
    typealias Content = CertificateBundleCheck.FileContent

    static func check(key: Content = BundleFiles.bytes(BundleFiles.key),
                      certificate: Content = BundleFiles.bytes(BundleFiles.certificate),
                      chain: Content = BundleFiles.bytes(BundleFiles.intermediate)) -> [BundleFinding] {
        CertificateBundleCheck.check(key: key, certificate: certificate, chain: chain)
    }

    @Test("a PEM key without passphrase, a PEM certificate and a chain file pass")
    func goodBundle() {
        let findings = Self.check()
        #expect(findings == [.privateKey(file: "ssl.key", label: "RSA PRIVATE KEY"),
                             .certificates(file: "ssl.crt", count: 1), .chain(file: "ssl.chain", count: 1)])
        #expect(BundleCheckResult(directory: "bundle", findings: findings).isAcceptable)
        #expect(findings.map(\.severity) == [.ok, .ok, .ok])
    }

    @Test("a chain bundled after the certificate counts as a chain; no chain at all is a warning")
    func chain() {
        let bundled = Self.check(certificate: BundleFiles.bytes(BundleFiles.certificate + BundleFiles.intermediate + BundleFiles.intermediate),
                                 chain: .absent)
        #expect(bundled == [.privateKey(file: "ssl.key", label: "RSA PRIVATE KEY"), .certificates(file: "ssl.crt", count: 3),
                            .chain(file: "ssl.crt", count: 2)])
        let none = Self.check(key: BundleFiles.bytes(BundleFiles.pkcs8Key), chain: .absent)
        #expect(none == [.privateKey(file: "ssl.key", label: "PRIVATE KEY"), .certificates(file: "ssl.crt", count: 1), .noChain])
        #expect(BundleCheckResult(directory: "bundle", findings: none).isAcceptable)
        #expect(BundleFinding.noChain.severity == .warning)
    }

    struct Defect: Sendable, CustomTestStringConvertible {
        var key: Content?
        var certificate: Content?
        var chain: Content?
        var expected: BundleFinding
        var testDescription: String { expected.code + ": " + expected.description }

        init(key: Content? = nil, certificate: Content? = nil, chain: Content? = nil, expected: BundleFinding) {
            self.key = key
            self.certificate = certificate
            self.chain = chain
            self.expected = expected
        }
    }

    static let defectCases: [Defect] = [
        // Missing, empty, unreadable, not PEM.
        Defect(key: .absent, expected: .missing(file: "ssl.key")),
        Defect(certificate: .absent, expected: .missing(file: "ssl.crt")),
        Defect(key: .bytes([]), expected: .empty(file: "ssl.key")),
        Defect(certificate: BundleFiles.bytes(" \n\r\n\t"), expected: .empty(file: "ssl.crt")),
        Defect(chain: .bytes([]), expected: .empty(file: "ssl.chain")),
        Defect(key: .unreadable, expected: .unreadable(file: "ssl.key")),
        Defect(key: BundleFiles.bytes("MIIEpAIBAAKCAQEAw1\nsome text that is no PEM\n"), expected: .notPEM(file: "ssl.key")),
        Defect(certificate: BundleFiles.bytes("Subject: CN=www.example.org\n"), expected: .notPEM(file: "ssl.crt")),
        Defect(key: .bytes(Array(repeating: 0x41, count: CertificateBundleCheck.maximumFileSize + 1)), expected: .tooLarge(file: "ssl.key", bytes: CertificateBundleCheck.maximumFileSize + 1)),
        // The key: passphrase, format, count.
        Defect(key: BundleFiles.bytes(BundleFiles.pem("ENCRYPTED PRIVATE KEY")), expected: .encryptedPrivateKey(file: "ssl.key")),
        Defect(key: BundleFiles.bytes(BundleFiles.pem("RSA PRIVATE KEY", headers: ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,9DC3EB82CCA1A769C8A826FEED88EC45"])), expected: .encryptedPrivateKey(file: "ssl.key")),
        Defect(key: .bytes(BundleFiles.derKey), expected: .binary(file: "ssl.key", format: .derPrivateKey)),
        Defect(key: .bytes(BundleFiles.derEncryptedKey), expected: .binary(file: "ssl.key", format: .derEncryptedPrivateKey)),
        Defect(key: .bytes(BundleFiles.pkcs12), expected: .binary(file: "ssl.key", format: .pkcs12)),
        Defect(key: BundleFiles.bytes(BundleFiles.pem("OPENSSH PRIVATE KEY")), expected: .openSSHPrivateKey(file: "ssl.key")),
        Defect(key: BundleFiles.bytes(BundleFiles.certificate), expected: .noPrivateKey(file: "ssl.key", found: ["CERTIFICATE"])),
        Defect(key: BundleFiles.bytes(BundleFiles.key + BundleFiles.pkcs8Key), expected: .severalPrivateKeys(file: "ssl.key", count: 2)),
        // The certificate: DER, PKCS#7, PKCS#12, a request instead.
        Defect(certificate: .bytes(BundleFiles.derCertificate), expected: .binary(file: "ssl.crt", format: .derCertificate)),
        Defect(certificate: .bytes(BundleFiles.pkcs7), expected: .binary(file: "ssl.crt", format: .pkcs7)),
        Defect(certificate: BundleFiles.bytes(BundleFiles.pem("PKCS7")), expected: .pkcs7(file: "ssl.crt")),
        Defect(certificate: .bytes(BundleFiles.pkcs12), expected: .binary(file: "ssl.crt", format: .pkcs12)),
        Defect(certificate: BundleFiles.bytes(BundleFiles.pem("CERTIFICATE REQUEST")), expected: .noCertificate(file: "ssl.crt", found: ["CERTIFICATE REQUEST"])),
        Defect(certificate: BundleFiles.bytes(BundleFiles.pem("SOMETHING ELSE")), expected: .noCertificate(file: "ssl.crt", found: ["unrecognised"])),
        Defect(certificate: BundleFiles.bytes(BundleFiles.certificate + BundleFiles.key), expected: .privateKeyOutsideKeyFile(file: "ssl.crt")),
        // The chain file.
        Defect(chain: .bytes(BundleFiles.derCertificate), expected: .binary(file: "ssl.chain", format: .derCertificate)),
        Defect(chain: BundleFiles.bytes(BundleFiles.key), expected: .privateKeyOutsideKeyFile(file: "ssl.chain")),
        // Damaged armour: truncated, mismatched END, a body that is not base64.
        Defect(certificate: BundleFiles.bytes(String(BundleFiles.certificate.dropLast(26))), expected: .damagedBlock(file: "ssl.crt", label: "CERTIFICATE")),
        Defect(certificate: BundleFiles.bytes("-----BEGIN CERTIFICATE-----\n" + BundleFiles.body + "-----END PRIVATE KEY-----\n"), expected: .damagedBlock(file: "ssl.crt", label: "CERTIFICATE")),
        Defect(key: BundleFiles.bytes(BundleFiles.pem("PRIVATE KEY", body: "not base64 at all!\n")), expected: .damagedBlock(file: "ssl.key", label: "PRIVATE KEY")),
    ]

    @Test("each defect of the bundle is found", arguments: defectCases)
    func defects(_ defect: Defect) {
        let findings = Self.check(key: defect.key ?? BundleFiles.bytes(BundleFiles.key),
                                  certificate: defect.certificate ?? BundleFiles.bytes(BundleFiles.certificate),
                                  chain: defect.chain ?? BundleFiles.bytes(BundleFiles.intermediate))
        #expect(findings.contains(defect.expected), "\(findings)")
        if defect.expected.severity == .problem {
            #expect(!BundleCheckResult(directory: "bundle", findings: findings).isAcceptable)
        }
    }

    @Test("CRLF line ends and text around the blocks are fine")
    func lenientText() {
        let key = "Bag Attributes\n    localKeyID: 01 02\n" + BundleFiles.key.replacingOccurrences(of: "\n", with: "\r\n")
        let findings = Self.check(key: BundleFiles.bytes(key), chain: .absent)
        #expect(findings.first == .privateKey(file: "ssl.key", label: "RSA PRIVATE KEY"))
    }

    @Test("a folder that does not exist is an input error; the files are read from the folder")
    func directory() throws {
        #expect(throws: InputError.self) { try CertificateBundleCheck.check(directory: "/nonexistent/bundle") }
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try BundleFiles.key.write(to: folder.appendingPathComponent("ssl.key"), atomically: true, encoding: .utf8)
        try (BundleFiles.certificate + BundleFiles.intermediate).write(to: folder.appendingPathComponent("ssl.crt"),
                                                                         atomically: true, encoding: .utf8)
        #expect(try CertificateBundleCheck.check(directory: folder.path).findings == [
            .privateKey(file: "ssl.key", label: "RSA PRIVATE KEY"), .certificates(file: "ssl.crt", count: 2),
            .chain(file: "ssl.crt", count: 1),
        ])
    }

    @Test("binary shapes are told apart from their first DER bytes")
    func binaryFormats() {
        #expect(BinaryFormat(sniffing: BundleFiles.derCertificate) == .derCertificate)
        #expect(BinaryFormat(sniffing: BundleFiles.derKey) == .derPrivateKey)
        #expect(BinaryFormat(sniffing: BundleFiles.derEncryptedKey) == .derEncryptedPrivateKey)
        #expect(BinaryFormat(sniffing: BundleFiles.pkcs7) == .pkcs7)
        #expect(BinaryFormat(sniffing: BundleFiles.pkcs12) == .pkcs12)
        #expect(BinaryFormat(sniffing: [0x30, 0x03, 0x05, 0x00]) == .unknown)
        #expect(BinaryFormat(sniffing: [0x00, 0x01]) == .unknown)
    }
}
