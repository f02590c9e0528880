/// What a binary (non-PEM) key or certificate file most likely is, told from
/// the first few bytes of its ASN.1 DER structure only (README, "For the ticket
/// service"). A structural guess to tell the customer how to convert the file,
/// not a validation.
public enum BinaryFormat: String, Sendable, Hashable, CaseIterable {
    /// A DER-encoded X.509 certificate: SEQUENCE { SEQUENCE { [0] version | serial …
    case derCertificate = "der-certificate"
    /// A DER-encoded private key (PKCS#1, SEC 1 or PKCS#8): SEQUENCE { INTEGER 0 | 1 …
    case derPrivateKey = "der-private-key"
    /// A DER-encoded encrypted private key (PKCS#8): SEQUENCE { SEQUENCE { OID …
    case derEncryptedPrivateKey = "der-encrypted-private-key"
    /// A DER-encoded PKCS#7 bundle: SEQUENCE { OID 1.2.840.113549.1.7.2 …
    case pkcs7 = "pkcs7"
    /// A PKCS#12 (`.p12`, `.pfx`) archive: SEQUENCE { INTEGER 3 …
    case pkcs12 = "pkcs12"
    /// Binary data of no shape Tally recognises.
    case unknown

    /// In words, for messages: "a DER-encoded certificate".
    public var summary: String {
        switch self {
        case .derCertificate: "a DER-encoded (binary) certificate"
        case .derPrivateKey: "a DER-encoded (binary) private key"
        case .derEncryptedPrivateKey: "a DER-encoded (binary) private key protected by a passphrase"
        case .pkcs7: "a binary PKCS#7 bundle"
        case .pkcs12: "a PKCS#12 (.p12/.pfx) archive"
        case .unknown: "binary data"
        }
    }

    /// Whether `bytes` look binary rather than text: a NUL byte, another
    /// control byte than tab, CR or LF, or an ASN.1 SEQUENCE tag (0x30)
    /// followed by a length byte that is not text.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, bytes[0] == 0x30, bytes[1] >= 0x80 || bytes[1] < 0x20 { return true }
        return bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// The likely format of binary `bytes`.
    init(sniffing bytes: [UInt8]) {
        guard bytes.first == 0x30, let inner = Self.contentStart(bytes, at: 0), inner < bytes.count else {
            self = .unknown
            return
        }
        let rest = bytes[inner...]
        if rest.starts(with: [0x02, 0x01, 0x03]) {
            self = .pkcs12
        } else if rest.starts(with: [0x02, 0x01, 0x00]) || rest.starts(with: [0x02, 0x01, 0x01]) {
            self = .derPrivateKey
        } else if rest.starts(with: [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02]) {
            self = .pkcs7
        } else if rest.first == 0x30, let innermost = Self.contentStart(bytes, at: inner), innermost < bytes.count {
            switch bytes[innermost] {
            case 0xA0, 0x02: self = .derCertificate
            case 0x06: self = .derEncryptedPrivateKey
            default: self = .unknown
            }
        } else {
            self = .unknown
        }
    }

    /// Where the contents of the DER element at `offset` start, after its tag
    /// and its length (short form, or long form of 1–4 bytes).
    private static func contentStart(_ bytes: [UInt8], at offset: Int) -> Int? {
        guard offset + 1 < bytes.count else { return nil }
        let first = bytes[offset + 1]
        if first < 0x80 { return offset + 2 }
        let lengthBytes = Int(first & 0x7F)
        guard (1...4).contains(lengthBytes) else { return nil }
        return offset + 2 + lengthBytes
    }
}
