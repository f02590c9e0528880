/// The PEM labels the bundle pre-check knows (RFC 7468 and OpenSSL's). Only
/// these are ever printed: a label is text from the customer's file.
enum PEMLabel {
    static let privateKeys: Set<String> = [
        "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", encryptedPrivateKey,
    ]
    static let encryptedPrivateKey = "ENCRYPTED PRIVATE KEY"
    static let openSSHPrivateKey = "OPENSSH PRIVATE KEY"
    static let certificates: Set<String> = ["CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CERTIFICATE"]
    static let pkcs7: Set<String> = ["PKCS7", "PKCS #7 SIGNED DATA"]
    static let others: Set<String> = [
        openSSHPrivateKey, "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "PUBLIC KEY", "RSA PUBLIC KEY",
        "EC PARAMETERS", "DH PARAMETERS", "X509 CRL",
    ]

    /// `label` when known, else a neutral name.
    static func printable(_ label: String) -> String {
        privateKeys.contains(label) || certificates.contains(label) || pkcs7.contains(label) || others.contains(label)
            ? label : "unrecognised"
    }

    /// The printable labels of `blocks`, each once, in order of appearance.
    static func printable(_ blocks: [PEMDocument.Block]) -> [String] {
        var seen: [String] = []
        for block in blocks where !seen.contains(printable(block.label)) { seen.append(printable(block.label)) }
        return seen
    }
}
