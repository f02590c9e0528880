import Testing
@testable import Tally

@Suite("Prices and amounts: exact, rounded once (SPEC §3, §4)")
struct UnitPriceTests {
    @Test("strict decimal strings", arguments: [
        ("0.0001875", true), ("0", true), ("12", true), ("0.000000000000000001", true), ("1.50", true),
        ("0.0001875abc", false), ("-0.1", false), ("+0.1", false), (".5", false), ("5.", false), ("1e-4", false),
        ("01.5", false), (" 0.1", false), ("0.1 ", false), ("", false), ("1,5", false), ("0.0000000000000000001", false),
        ("NaN", false), ("１", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((UnitPrice(text) != nil) == valid)
    }

    @Test("worked example 3: 96,000 MB-seconds at 0.0001875 is exactly 0.005")
    func tie() throws {
        let price = try #require(UnitPrice("0.0001875"))
        #expect(price.amount(forMBSeconds: 96_000, minorUnitExponent: 2, rounding: .halfUp) == 1)
        #expect(price.amount(forMBSeconds: 96_000, minorUnitExponent: 2, rounding: .halfEven) == 0)
        // 0.015 → 0.02 either way (half-even rounds to the even 2).
        #expect(price.amount(forMBSeconds: 288_000, minorUnitExponent: 2, rounding: .halfEven) == 2)
        #expect(price.amount(forMBSeconds: 288_000, minorUnitExponent: 2, rounding: .halfUp) == 2)
    }

    @Test("minor units follow the currency: JPY 0, USD 2, KWD 3")
    func exponents() throws {
        let price = try #require(UnitPrice("0.03"))
        // 160 MB × 720 h at 0.03 per MB-hour = 3456 exactly.
        let mbSeconds: Int64 = 160 * 720 * 3600
        #expect(price.amount(forMBSeconds: mbSeconds, minorUnitExponent: 0, rounding: .halfUp) == 3456)
        #expect(price.amount(forMBSeconds: mbSeconds, minorUnitExponent: 2, rounding: .halfUp) == 345_600)
        #expect(price.amount(forMBSeconds: mbSeconds, minorUnitExponent: 3, rounding: .halfUp) == 3_456_000)
        #expect(Money(minorUnits: 3456, currency: Currency(code: "JPY")!).description == "3456")
        #expect(Money(minorUnits: 1250, currency: Currency(code: "KWD")!).description == "1.250")
        #expect(Money(minorUnits: 5, currency: Currency(code: "USD")!).description == "0.05")
        #expect(Money(minorUnits: 20_192_390_643, currency: Currency(code: "USD")!).formatted(grouping: true) == "201,923,906.43")
    }

    @Test("an amount too large for 64 bits is refused, not wrapped")
    func overflow() throws {
        let price = try #require(UnitPrice("999999999999999999"))
        #expect(price.amount(forMBSeconds: Int64.max, minorUnitExponent: 2, rounding: .halfUp) == nil)
    }

    @Test("the price prints without trailing zeros")
    func description() {
        #expect(UnitPrice("0.00018750")?.description == "0.0001875")
        #expect(UnitPrice("2.0")?.description == "2")
        #expect(UnitPrice("0")?.description == "0")
    }

    @Test("unknown currencies have no minor unit", arguments: ["XXX", "usd", "US", "BTC", ""])
    func unknownCurrency(code: String) {
        #expect(Currency(code: code) == nil)
    }
}
