import Foundation
import Testing
@testable import Tally

@Suite("Rate cards from Rates/: strict, or a configuration error naming file and field (SPEC §4)")
struct RateCardLoadingTests {
    static let valid = """
        {"name": "c1", "effective_from": "2012-06-01T00:00:00Z", "currency": "USD", "rounding": "half-up",
         "price_per_mb_hour": {"live": "0.0001875", "enterprise": "0.0002"}, "ssl_edge_memory_mb": 160}
        """

    /// Writes `cards` (file name → JSON) to a fresh folder and loads it.
    func load(_ cards: [String: String]) throws(RateCardError) -> RateCardSet {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, json) in cards {
            try? json.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try RateCardSet.load(directory: directory.path)
    }

    func loadError(_ cards: [String: String]) -> RateCardError? {
        do {
            _ = try load(cards)
            return nil
        } catch {
            return error
        }
    }

    func loadErrorAt(_ path: String) -> RateCardError? {
        do {
            _ = try RateCardSet.load(directory: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("the shipped card is dotCloud's Live price")
    func shipped() throws {
        let set = try RateCardSet.load(directory: Fixtures.ratesDirectory.path)
        let card = try #require(set.cards.first)
        #expect(set.cards.count == 1)
        #expect(card.name == "dotcloud-2012-06")
        #expect(card.effectiveFrom.description == "2012-06-01T00:00:00Z")
        #expect(card.currency.code == "USD")
        #expect(card.rounding == .halfUp)
        #expect(card.price(for: .live).description == "0.0001875")
        #expect(card.price(for: .enterprise).description == "0.0001875")
        #expect(card.price(for: .sandbox).units == 0)
        #expect(card.sslEdgeMemoryMB == 160)
    }

    @Test("a valid card loads with its prices")
    func valid() throws {
        let set = try load(["c1.json": Self.valid, "README.txt": "not a card"])
        #expect(set.cards.map(\.name) == ["c1"])
        #expect(set.cards[0].price(for: .enterprise).description == "0.0002")
    }

    static let faults: [(String, String, String)] = [
        // (what to replace in the valid card, replacement, field named)
        ("\"live\": \"0.0001875\"", "\"live\": 0.0001875", "price_per_mb_hour.live"),
        ("\"live\": \"0.0001875\"", "\"live\": \"0.0001875abc\"", "price_per_mb_hour.live"),
        ("\"live\": \"0.0001875\"", "\"live\": \"-0.0001875\"", "price_per_mb_hour.live"),
        ("\"live\": \"0.0001875\", ", "", "price_per_mb_hour.live"),
        ("\"live\": \"0.0001875\"", "\"live\": \"0.0001875\", \"gold\": \"1\"", "price_per_mb_hour.gold"),
        ("\"live\": \"0.0001875\"", "\"live\": \"0.0001875\", \"sandbox\": \"0.1\"", "price_per_mb_hour.sandbox"),
        ("\"half-up\"", "\"half-down\"", "rounding"),
        ("\"half-up\"", "\"HALF-UP\"", "rounding"),
        ("\"USD\"", "\"XBT\"", "currency"),
        ("\"USD\"", "\"usd\"", "currency"),
        ("\"2012-06-01T00:00:00Z\"", "\"2012-06-01\"", "effective_from"),
        ("\"2012-06-01T00:00:00Z\"", "\"June 2012\"", "effective_from"),
        ("\"name\": \"c1\", ", "", "name"),
        ("\"name\": \"c1\"", "\"name\": \"c 1\"", "name"),
        ("160", "\"160\"", "ssl_edge_memory_mb"),
        ("160", "160.5", "ssl_edge_memory_mb"),
        ("160", "0", "ssl_edge_memory_mb"),
        ("160", "true", "ssl_edge_memory_mb"),
        ("\"currency\": \"USD\"", "\"currency\": \"USD\", \"comment\": \"x\"", "comment"),
        ("\"rounding\": \"half-up\"", "\"rounding\": 1", "rounding"),
    ]

    @Test("field faults name the file and the field", arguments: faults)
    func fieldFault(find: String, replace: String, field: String) throws {
        let json = Self.valid.replacingOccurrences(of: find, with: replace)
        #expect(json != Self.valid)
        let error = try #require(loadError(["bad.json": json]))
        #expect(error.field == field)
        #expect(error.file?.hasSuffix("bad.json") == true)
    }

    @Test("malformed JSON names the file")
    func malformed() throws {
        let error = try #require(loadError(["broken.json": "{\"name\": "]))
        #expect(error.file?.hasSuffix("broken.json") == true)
        #expect(error.problem.hasPrefix("not valid JSON"))
    }

    @Test("two cards with the same effective_from")
    func sameInstant() throws {
        let error = try #require(loadError(["a.json": Self.valid, "b.json": Self.valid.replacingOccurrences(of: "\"c1\"", with: "\"c2\"")]))
        #expect(error.field == "effective_from")
        #expect(error.file?.hasSuffix("b.json") == true)
    }

    @Test("cards in different currencies")
    func mixedCurrencies() throws {
        let euro = Self.valid.replacingOccurrences(of: "\"USD\"", with: "\"EUR\"")
            .replacingOccurrences(of: "2012-06-01", with: "2020-01-01")
        let error = try #require(loadError(["a.json": Self.valid, "b.json": euro]))
        #expect(error.field == "currency")
        #expect(error.file?.hasSuffix("b.json") == true)
    }

    @Test("a missing folder and an empty folder")
    func folders() throws {
        let missing = try #require(loadErrorAt("/nonexistent/Rates"))
        #expect(missing.file == "/nonexistent/Rates")
        #expect(missing.problem.contains("no such rate-card folder"))
        let empty = try #require(loadError([:]))
        #expect(empty.problem.contains("no *.json rate card"))
    }
}
