/// An ISO 4217 currency and its minor unit (SPEC §3: amounts are rounded to
/// the currency's minor unit, its ISO 4217 exponent).
public struct Currency: Sendable, Hashable, CustomStringConvertible {
    /// The three-letter code, e.g. `USD`.
    public let code: String
    /// Digits after the decimal point: 2 for USD and EUR, 0 for JPY, 3 for KWD.
    public let minorUnitExponent: Int

    /// The currency with ISO 4217 code `code`, or `nil` when Tally does not
    /// know its minor unit (a configuration error for a rate card, SPEC §4).
    public init?(code: String) {
        guard let exponent = Self.minorUnitExponents[code] else { return nil }
        self.code = code
        self.minorUnitExponent = exponent
    }

    /// The US dollar (exponent 2).
    static let usDollar = Currency(code: "USD", exponent: 2)

    private init(code: String, exponent: Int) {
        self.code = code
        self.minorUnitExponent = exponent
    }

    /// The ISO 4217 code, e.g. `USD`.
    public var description: String { code }

    /// ISO 4217 exponents of the active currencies (list one of the standard,
    /// 2024 edition). Funds codes and precious metals are left out.
    static let minorUnitExponents: [String: Int] = {
        var table: [String: Int] = [:]
        let zero = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
        let three = "BHD IQD JOD KWD LYD OMR TND"
        let four = "CLF UYW"
        let two = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD \
            CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD \
            GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD \
            MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP \
            PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS \
            TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES VED WST XCD YER ZAR ZMW ZWG
            """
        for (codes, exponent) in [(zero, 0), (two, 2), (three, 3), (four, 4)] {
            for code in codes.split(separator: " ") { table[String(code)] = exponent }
        }
        return table
    }()
}
