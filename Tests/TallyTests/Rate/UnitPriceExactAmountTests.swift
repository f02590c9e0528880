import Testing
@testable import Tally

@Suite("exact amounts before rounding, as explain shows them")
struct UnitPriceExactAmountTests {
    @Test("terminating and repeating quotients", arguments: [
        // SPEC §5 example 1: 350,208 MB-hours at 0.0001875 = 65.664.
        ("0.0001875", Int64(1_260_748_800), 2, "65.664"),
        // SPEC §5 example 3: 50 minutes of 32 MB is exactly 0.005.
        ("0.0001875", 96_000, 2, "0.005"),
        ("0.0001875", 373_248_000, 2, "19.44"),
        ("0.0001875", 0, 2, "0.00"),
        ("0.0001875", 1, 2, "0.00000005208(3)"),
        ("0.0003", 1, 2, "0.00000008(3)"),
        ("2", 3600, 0, "2"),
        ("1", 1200, 3, "0.(3)"),
        ("0.00021", 7_200_000, 2, "0.42"),
    ] as [(String, Int64, Int, String)])
    func exact(price: String, mbSeconds: Int64, digits: Int, expected: String) throws {
        let unitPrice = try #require(UnitPrice(price))
        #expect(unitPrice.exactAmountText(forMBSeconds: mbSeconds, minimumFractionDigits: digits, grouping: false) == expected)
    }

    @Test("grouping applies to the whole part only")
    func grouping() throws {
        let price = try #require(UnitPrice("0.0001875"))
        #expect(price.exactAmountText(forMBSeconds: 19_200_000_000_000, minimumFractionDigits: 2, grouping: true) == "1,000,000.00")
        #expect(price.exactAmountText(forMBSeconds: 19_200_000_000_000, minimumFractionDigits: 2, grouping: false) == "1000000.00")
    }
}
