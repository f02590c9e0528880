/// The command line after the subcommand, split into options with values,
/// flags and positional arguments. `--name value` and `--name=value` both
/// work; `--` ends options; `-` alone is a positional (standard input).
struct Arguments {
    private(set) var values: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Splits `arguments`, accepting only the options and flags named.
    ///
    /// - Throws: ``UsageError`` naming an unknown option, a repeated one, or
    ///   one whose value is missing.
    init(_ arguments: ArraySlice<String>, options: Set<String>, flags allowedFlags: Set<String>) throws(UsageError) {
        var index = arguments.startIndex
        var onlyPositionals = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if allowedFlags.contains(name), inlineValue == nil {
                guard flags.insert(name).inserted else { throw .repeatedOption(name) }
            } else if options.contains(name) {
                guard values[name] == nil else { throw .repeatedOption(name) }
                if let inlineValue {
                    values[name] = inlineValue
                } else {
                    guard index < arguments.endIndex else { throw .missingValue(option: name) }
                    values[name] = arguments[index]
                    index += 1
                }
            } else {
                throw .unknownOption(argument)
            }
        }
    }

    subscript(option: String) -> String? { values[option] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}
