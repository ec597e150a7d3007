import Yams

/// A YAML syntax error at a place in the guide file.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public var location: SourceLocation
    public var message: String
}

/// Reads the YAML of one code block into `YAMLNode`s with guide-file positions.
enum YAMLReader {
    /// Upper bound on nodes produced by one block. Composing is linear, but aliases share
    /// nodes, so a naive walk of an alias bomb ("billion laughs") is exponential: the budget
    /// stops it within milliseconds. Real client blocks have a few hundred nodes.
    static let nodeBudget = 100_000

    /// - Parameter position: maps a 1-based (line, scalar column) inside the block to the file.
    static func read(_ yaml: String, position: (Int, Int) -> SourceLocation) throws(YAMLSyntaxError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        var budget = nodeBudget
        do {
            let parser = try Parser(yaml: yaml)
            while let root = try parser.nextRoot() {
                documents.append(try convert(root, position: position, budget: &budget))
            }
        } catch let error as YAMLSyntaxError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, position: position)
        } catch {
            throw YAMLSyntaxError(location: position(1, 1), message: "YAML could not be read: \(error)")
        }
        return documents
    }

    private static func convert(_ node: Node, position: (Int, Int) -> SourceLocation, budget: inout Int) throws -> YAMLNode {
        budget -= 1
        let location = node.mark.map { position($0.line, $0.column) } ?? position(1, 1)
        if budget < 0 {
            throw YAMLSyntaxError(location: location, message: "YAML expands to more than \(nodeBudget) nodes (aliases referring to aliases?); GuideKit stops here")
        }
        switch node {
        case .scalar(let scalar):
            let (style, extra) = styleAndQuotes(scalar.style)
            return YAMLNode(value: .scalar(scalar.string), location: location,
                            length: scalar.string.unicodeScalars.count + extra,
                            style: style, scalarType: scalarType(node, style: style))
        case .mapping(let mapping):
            var pairs: [YAMLNode.Pair] = []
            for (key, value) in mapping {
                pairs.append(YAMLNode.Pair(key: try convert(key, position: position, budget: &budget),
                                           value: try convert(value, position: position, budget: &budget)))
            }
            return YAMLNode(value: .mapping(pairs), location: location, length: 1, style: .plain, scalarType: .string)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, position: position, budget: &budget))
            }
            return YAMLNode(value: .sequence(items), location: location, length: 1, style: .plain, scalarType: .string)
        case .alias:
            return YAMLNode(value: .scalar(""), location: location, length: 1, style: .plain, scalarType: .null)
        }
    }

    private static func styleAndQuotes(_ style: Node.Scalar.Style) -> (YAMLNode.ScalarStyle, Int) {
        switch style {
        case .singleQuoted: return (.singleQuoted, 2)
        case .doubleQuoted: return (.doubleQuoted, 2)
        case .literal: return (.literal, 0)
        case .folded: return (.folded, 0)
        default: return (.plain, 0)
        }
    }

    private static func scalarType(_ node: Node, style: YAMLNode.ScalarStyle) -> YAMLNode.ScalarType {
        guard style == .plain else { return .string }
        // Yams resolves tags with regular expressions, which dominated parsing time. Nulls,
        // booleans and numbers all start with one of these characters (or are empty), so
        // anything else is a string without asking.
        if let first = node.string?.utf8.first, !"0123456789+-.~nNtTfFyYoO".utf8.contains(first) {
            return .string
        }
        if node.null != nil { return .null }
        if node.bool != nil { return .bool }
        if node.int != nil { return .int }
        if node.float != nil { return .float }
        return .string
    }

    private static func syntaxError(_ error: YamlError, position: (Int, Int) -> SourceLocation) -> YAMLSyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            guard let context else { return YAMLSyntaxError(location: position(mark.line, mark.column), message: message) }
            let contextLocation = position(context.mark.line, context.mark.column)
            // At the end of the block the parser's own mark is useless; where the unfinished
            // construct (usually a quoted string) started is the place to look.
            if problem.contains("end of stream") {
                message += " (\(context.text) that starts here and is never closed)"
                return YAMLSyntaxError(location: contextLocation, message: message)
            }
            message += " (\(context.text) that starts at line \(contextLocation.line))"
            return YAMLSyntaxError(location: position(mark.line, mark.column), message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return YAMLSyntaxError(location: position(context.mark.line, context.mark.column),
                                   message: "invalid YAML: duplicate key \(names) in one mapping; Authelia would refuse it")
        case .reader(let problem, _, _, _):
            return YAMLSyntaxError(location: position(1, 1), message: "invalid YAML: \(problem)")
        default:
            return YAMLSyntaxError(location: position(1, 1), message: "invalid YAML: \(error)")
        }
    }
}
