import Foundation

extension RateCardSet {
    /// Reads every `*.json` card in `directory` (SPEC §4), strictly: a missing
    /// or malformed field, a price written as a JSON number or with anything
    /// but digits and one point, an unknown rounding mode or flavor, a currency
    /// whose minor unit Tally does not know, an unknown field, two cards with
    /// the same `effective_from`, or mixed currencies stops the run.
    ///
    /// - Parameter directory: the folder, e.g. `Rates`.
    /// - Throws: ``RateCardError`` naming the file and field at fault.
    public static func load(directory: String) throws(RateCardError) -> RateCardSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw RateCardError(file: directory, field: nil,
                                problem: "no such rate-card folder; run from the project folder or pass --rates DIR")
        }
        guard isDirectory.boolValue else {
            throw RateCardError(file: directory, field: nil, problem: "is not a folder; --rates takes the folder of *.json cards")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RateCardError(file: directory, field: nil, problem: "cannot be listed: \(error.localizedDescription)")
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        guard !files.isEmpty else {
            throw RateCardError(file: directory, field: nil, problem: "holds no *.json rate card; add one (see README, \"Rate cards\")")
        }
        var cards: [RateCard] = []
        for name in files {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RateCardError(file: path, field: nil, problem: "cannot be read; check that it is a readable file")
            }
            cards.append(try RateCard(json: data, file: path))
        }
        return try RateCardSet(cards)
    }
}

extension RateCard {
    static let fields: Set<String> = ["name", "effective_from", "currency", "rounding", "price_per_mb_hour", "ssl_edge_memory_mb"]

    /// Parses one card's JSON (SPEC §4).
    ///
    /// - Throws: ``RateCardError`` naming `file` and the field at fault.
    public init(json data: Data, file: String) throws(RateCardError) {
        func fail(_ field: String?, _ problem: String) -> RateCardError {
            RateCardError(file: file, field: field, problem: problem)
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw fail(nil, "not valid JSON: \(detail)")
        }
        guard let object = parsed as? [String: Any] else { throw fail(nil, "must be a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !Self.fields.contains($0) }) {
            throw fail(unknown, "unknown field; the fields are \(Self.fields.sorted().joined(separator: ", "))")
        }
        func string(_ field: String) throws(RateCardError) -> String {
            guard let value = object[field] else { throw fail(field, "missing") }
            guard let text = value as? String else { throw fail(field, "must be a string") }
            return text
        }

        let name = try string("name")
        guard Array(name.utf8).withUnsafeBytes({ NameRule.identifier.accepts($0) })
        else { throw fail("name", "must be \(NameRule.identifier.summary), got \(Printable.quoted(name))") }

        let effectiveText = try string("effective_from")
        guard let effectiveFrom = Timestamp(rfc3339: effectiveText) else {
            throw fail("effective_from", "must be an RFC 3339 date-time such as 2012-06-01T00:00:00Z, got \(Printable.quoted(effectiveText))")
        }

        let code = try string("currency")
        guard let currency = Currency(code: code) else {
            throw fail("currency", "\(Printable.quoted(code)) is not an ISO 4217 currency whose minor unit Tally knows")
        }

        let roundingText = try string("rounding")
        guard let rounding = RoundingMode(rawValue: roundingText) else {
            throw fail("rounding", "must be \"half-up\" or \"half-even\", got \(Printable.quoted(roundingText))")
        }

        guard let pricesValue = object["price_per_mb_hour"] else { throw fail("price_per_mb_hour", "missing") }
        guard let prices = pricesValue as? [String: Any] else {
            throw fail("price_per_mb_hour", "must be an object of flavor to price, e.g. {\"live\": \"0.0001875\", \"enterprise\": \"0.0001875\"}")
        }
        var pricePerMBHour: [Flavor: UnitPrice] = [:]
        for key in prices.keys.sorted() {
            let field = "price_per_mb_hour.\(key)"
            guard let flavor = Flavor(rawValue: key) else {
                throw fail(field, "unknown flavor; expected sandbox, live or enterprise")
            }
            guard let text = prices[key] as? String else {
                throw fail(field, "must be a decimal string such as \"0.0001875\", not a JSON number, so it stays exact")
            }
            guard let price = UnitPrice(text) else {
                throw fail(field, "must be a decimal ≥ 0 written with digits and at most one point, with at most \(UnitPrice.maximumScale) decimals and \(UnitPrice.maximumScale) significant digits, got \(Printable.quoted(text))")
            }
            if flavor == .sandbox {
                guard price.units == 0 else { throw fail(field, "sandbox is always free; remove it or write \"0\"") }
                continue
            }
            pricePerMBHour[flavor] = price
        }
        for flavor in [Flavor.live, .enterprise] where pricePerMBHour[flavor] == nil {
            throw fail("price_per_mb_hour.\(flavor)", "missing; every card prices live and enterprise")
        }

        guard let edgeValue = object["ssl_edge_memory_mb"] else { throw fail("ssl_edge_memory_mb", "missing") }
        guard let edgeNumber = edgeValue as? NSNumber,
              case let .integer(edgeMB) = FoundationJSONNumber(edgeNumber), (1...65536).contains(edgeMB)
        else { throw fail("ssl_edge_memory_mb", "must be an integer number of MB from 1 to 65536, such as 160") }

        self.init(name: name, effectiveFrom: effectiveFrom, currency: currency, rounding: rounding,
                  pricePerMBHour: pricePerMBHour, sslEdgeMemoryMB: Int(edgeMB), file: file)
    }
}
