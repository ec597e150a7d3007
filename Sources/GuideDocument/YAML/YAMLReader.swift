import Foundation
import YAMLBridge

/// A YAML syntax error at a place in the guide file.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public var location: SourceLocation
    public var message: String
}

/// Reads YAML (a code block, front matter, a site or profile file) into `YAMLNode`s with
/// file positions: libyaml's events (`YAMLBridge`) composed here, scalars typed by YAML 1.1's
/// rules (`YAMLScalarType`), duplicate keys refused as Authelia's loader refuses them.
package enum YAMLReader {
    /// Upper bound on nodes of one text. Real client blocks have a few hundred.
    static let nodeBudget = 100_000
    /// Deeper nesting is refused (a guide nests a handful of levels; a hostile text nests
    /// thousands to exhaust memory or stacks further down).
    static let maximumDepth = 1_000

    /// - Parameter position: maps a 1-based (line, scalar column) inside the text to the file.
    package static func read(_ yaml: String, position: (Int, Int) -> SourceLocation) throws(YAMLSyntaxError) -> [YAMLNode] {
        let events: [LibYAMLParser.Event]
        switch LibYAMLParser.events(yaml, limit: nodeBudget, maximumDepth: maximumDepth) {
        case .success(let parsed): events = parsed
        case .failure(let failure): throw syntaxError(failure, position: position)
        }
        return try compose(events, position: position)
    }

    /// A mapping or sequence whose end has not been seen yet.
    private struct Open {
        var location: SourceLocation
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        var keys: Set<String> = []
    }

    private static func compose(_ events: [LibYAMLParser.Event], position: (Int, Int) -> SourceLocation) throws(YAMLSyntaxError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        var stack: [Open] = []
        var root: YAMLNode?
        // Anchors defined so far in the document: an alias to any other is an error in every
        // YAML loader (Authelia's included), so it is one here rather than a silent null.
        var anchors: Set<String> = []

        // The innermost open collection is changed where it lies in the stack (popping and
        // pushing it back copied it for every node).
        func attach(_ node: YAMLNode) throws(YAMLSyntaxError) {
            guard !stack.isEmpty else { root = node; return }
            let top = stack.count - 1
            guard stack[top].isMapping else { stack[top].items.append(node); return }
            guard let key = stack[top].pendingKey else {
                if let name = node.string {
                    guard stack[top].keys.insert(name).inserted else {
                        throw YAMLSyntaxError(location: node.location,
                                              message: "invalid YAML: duplicate key '\(name)' in one mapping; Authelia would refuse it")
                    }
                }
                stack[top].pendingKey = node
                return
            }
            stack[top].pairs.append(YAMLNode.Pair(key: key, value: node))
            stack[top].pendingKey = nil
        }

        for event in events {
            let location = position(event.line, event.column)
            if let anchor = event.anchor { anchors.insert(anchor) }
            switch event.kind {
            case .documentStart:
                root = nil
                anchors = []
            case .documentEnd:
                documents.append(root ?? YAMLNode(value: .scalar(""), location: location, length: 1, style: .plain, scalarType: .null))
            case .mappingStart, .sequenceStart:
                guard stack.count < maximumDepth else {
                    throw YAMLSyntaxError(location: location, message: "invalid YAML: nested deeper than \(maximumDepth) levels")
                }
                stack.append(Open(location: location, isMapping: event.kind == .mappingStart))
            case .mappingEnd, .sequenceEnd:
                guard let open = stack.popLast() else { continue }
                let value: YAMLNode.Value = open.isMapping ? .mapping(open.pairs) : .sequence(open.items)
                try attach(YAMLNode(value: value, location: open.location, length: 1, style: .plain, scalarType: .string))
            case .scalar(let text, let style):
                let (nodeStyle, quotes) = convert(style)
                let type: YAMLNode.ScalarType = nodeStyle == .plain ? YAMLScalarType.of(text, tag: event.tag) : .string
                try attach(YAMLNode(value: .scalar(text), location: location, length: text.scalarDistance(from: text.startIndex, to: text.endIndex) + quotes,
                                    style: nodeStyle, scalarType: type))
            case .alias(let name):
                guard anchors.contains(name) else {
                    throw YAMLSyntaxError(location: location,
                                          message: "invalid YAML: alias '*\(name)' refers to no anchor '&\(name)' defined before it in this document")
                }
                // Aliases are not expanded: what a guide shows is what it wrote.
                try attach(YAMLNode(value: .scalar(""), location: location, length: 1, style: .plain, scalarType: .null))
            }
        }
        return documents
    }

    private static func convert(_ style: LibYAMLParser.Event.Style) -> (YAMLNode.ScalarStyle, Int) {
        switch style {
        case .singleQuoted: (.singleQuoted, 2)
        case .doubleQuoted: (.doubleQuoted, 2)
        case .literal: (.literal, 0)
        case .folded: (.folded, 0)
        case .plain: (.plain, 0)
        }
    }

    private static func syntaxError(_ failure: LibYAMLParser.Failure, position: (Int, Int) -> SourceLocation) -> YAMLSyntaxError {
        var message = "invalid YAML: \(failure.problem)"
        guard let context = failure.context else {
            return YAMLSyntaxError(location: position(failure.line, failure.column), message: message)
        }
        let contextLocation = position(failure.contextLine, failure.contextColumn)
        // At the end of the text the parser's own mark is useless; where the unfinished
        // construct (usually a quoted string) started is the place to look.
        if failure.problem.containsLiteral("end of stream") {
            message += " (\(context) that starts here and is never closed)"
            return YAMLSyntaxError(location: contextLocation, message: message)
        }
        message += " (\(context) that starts at line \(contextLocation.line))"
        return YAMLSyntaxError(location: position(failure.line, failure.column), message: message)
    }
}

/// YAML 1.1 typing of plain scalars, as Authelia's loader and Yams's default resolver see
/// them (`yes` is a boolean, `0x1f` an integer, `~` null). Only plain scalars are typed;
/// quoted ones are strings.
enum YAMLScalarType {
    static func of(_ text: String, tag: String?) -> YAMLNode.ScalarType {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool": return .bool
            case "tag:yaml.org,2002:int": return .int
            case "tag:yaml.org,2002:float": return .float
            default: return .string
            }
        }
        // Nulls, booleans and numbers all start with one of these characters (or are empty).
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"),
             UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            break
        default:
            return .string
        }
        if ["~", "null", "Null", "NULL"].contains(text) { return .null }
        if booleans.contains(text) { return .bool }
        let bytes = Array(text.utf8)
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        return .string
    }

    static let booleans: Set<String> = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                        "on", "On", "ON", "off", "Off", "OFF"]

    // Hand-written forms of YAML 1.1's int and float expressions (as Yams's resolver has
    // them); tests compare them with the expressions on many inputs.

    private static func isDigit(_ byte: UInt8, _ range: ClosedRange<UInt8> = 0x30...0x39) -> Bool { range.contains(byte) }

    /// `[-+]?(0b[01_]+ | 0o?[0-7_]+ | 0 | [1-9][0-9_]* | 0x[0-9a-fA-F_]+ | [1-9][0-9_]*(:[0-5]?[0-9])+)`
    static func isInt(_ all: [UInt8]) -> Bool {
        var bytes = all[...]
        if let sign = bytes.first, sign == 0x2B || sign == 0x2D { bytes = bytes.dropFirst() }
        guard let first = bytes.first else { return false }
        let underscore: UInt8 = 0x5F
        func allIn(_ slice: ArraySlice<UInt8>, _ allowed: (UInt8) -> Bool) -> Bool { !slice.isEmpty && slice.allSatisfy(allowed) }
        if first == 0x30 {
            let rest = bytes.dropFirst()
            if rest.isEmpty { return true }
            if rest.first == 0x62 { return allIn(rest.dropFirst()) { $0 == 0x30 || $0 == 0x31 || $0 == underscore } }
            if rest.first == 0x78 {
                return allIn(rest.dropFirst()) { isDigit($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) || $0 == underscore }
            }
            let octal = rest.first == 0x6F ? rest.dropFirst() : rest
            return allIn(octal) { isDigit($0, 0x30...0x37) || $0 == underscore }
        }
        guard isDigit(first, 0x31...0x39) else { return false }
        let parts = bytes.split(separator: 0x3A, omittingEmptySubsequences: false)
        guard allIn(parts[0], { isDigit($0) || $0 == underscore }) else { return false }
        return parts.dropFirst().allSatisfy(isSexagesimalPart)
    }

    /// `[0-5]?[0-9]`
    private static func isSexagesimalPart(_ part: ArraySlice<UInt8>) -> Bool {
        switch part.count {
        case 1: return isDigit(part.first!)
        case 2: return isDigit(part.first!, 0x30...0x35) && isDigit(part.last!)
        default: return false
        }
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)?
    ///  | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ all: [UInt8]) -> Bool {
        let text = String(decoding: all, as: UTF8.self)
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var bytes = all[...]
        let signed = bytes.first == 0x2B || bytes.first == 0x2D
        if signed { bytes = bytes.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(String(decoding: bytes, as: UTF8.self)) { return true }
        let underscore: UInt8 = 0x5F
        let isDigitOrUnderscore: (UInt8) -> Bool = { isDigit($0) || $0 == underscore }
        guard let first = bytes.first else { return false }
        if first == 0x2E {  // \.[0-9_]+([eE][-+][0-9]+)?  (unsigned only)
            guard !signed else { return false }
            var rest = bytes.dropFirst()
            let mantissa = rest.prefix(while: isDigitOrUnderscore)
            guard !mantissa.isEmpty else { return false }
            rest = rest.dropFirst(mantissa.count)
            if rest.isEmpty { return true }
            guard rest.first == 0x65 || rest.first == 0x45 else { return false }
            rest = rest.dropFirst()
            guard let sign = rest.first, sign == 0x2B || sign == 0x2D else { return false }
            rest = rest.dropFirst()
            return !rest.isEmpty && rest.allSatisfy { isDigit($0) }
        }
        guard isDigit(first) else { return false }
        var rest = bytes.dropFirst()
        rest = rest.dropFirst(rest.prefix(while: isDigitOrUnderscore).count)
        if rest.first == 0x3A {  // sexagesimal: (:[0-5]?[0-9])+\.[0-9_]*
            var sawPart = false
            while rest.first == 0x3A {
                rest = rest.dropFirst()
                let part = rest.prefix(while: { isDigit($0) })
                guard isSexagesimalPart(part) else { return false }
                rest = rest.dropFirst(part.count)
                sawPart = true
            }
            guard sawPart, rest.first == 0x2E else { return false }
            return rest.dropFirst().allSatisfy(isDigitOrUnderscore)
        }
        if rest.first == 0x2E {
            rest = rest.dropFirst()
            rest = rest.dropFirst(rest.prefix(while: isDigitOrUnderscore).count)
        }
        if rest.isEmpty { return true }
        guard rest.first == 0x65 || rest.first == 0x45 else { return false }
        rest = rest.dropFirst()
        if let sign = rest.first, sign == 0x2B || sign == 0x2D { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { isDigit($0) }
    }
}
