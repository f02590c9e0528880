import Foundation

/// What a number from `JSONSerialization` stands for. Foundation gives
/// booleans as a distinct class, integers written without fraction or
/// exponent with an integer type code, and everything else as a double or a
/// decimal number; this tells them apart, so that `64.0` is not taken for the
/// integer 64 (SPEC §2: an integer is written without fraction or exponent).
enum FoundationJSONNumber: Equatable {
    case bool(Bool)
    /// Written without fraction or exponent, in Int64 range.
    case integer(Int64)
    /// Anything else; the text shows the value, e.g. `64.0`.
    case other(String)

    init(_ number: NSNumber) {
        let typeCode = String(cString: number.objCType)
        if typeCode == "c", String(describing: type(of: number)).contains("Boolean") {
            self = .bool(number.boolValue)
            return
        }
        if number is NSDecimalNumber {
            // Foundation gives negative integers of 19 digits as decimals; one in
            // Int64 range is an integer, as the fast parser reads it.
            self = Int64(number.stringValue).map { .integer($0) } ?? .other(number.stringValue)
            return
        }
        switch typeCode {
        case "c", "s", "i", "l", "q":
            self = .integer(number.int64Value)
        case "C", "S", "I", "L", "Q":
            let unsigned = number.uint64Value
            self = unsigned <= UInt64(Int64.max) ? .integer(Int64(unsigned)) : .other(number.stringValue)
        default:
            self = .other("\(number.doubleValue)")
        }
    }
}
