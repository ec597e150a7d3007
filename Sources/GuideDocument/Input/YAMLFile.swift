/// A small YAML data file GuideKit reads besides guides (`.guidekit.yml`, a site file, a
/// profile): read with the guide reader's limits, parsed into one document, and every problem
/// an `InputError` naming the file, line and column. The three loaders share this, so their
/// errors and their "did you mean" read the same.
package struct YAMLFile {
    package let path: String
    /// The document's root: `nil` for an empty file.
    package let root: YAMLNode?

    /// Reads and parses `path` (at most `maximumBytes`). `what` names the file in messages
    /// ("a site file"), `example` shows the mapping it holds.
    package static func load(_ path: String, maximumBytes: Int = 1_048_576, what: String,
                             oneDocumentHint: String = "") throws(InputError) -> YAMLFile {
        let text = try GuideFileReader(maximumBytes: maximumBytes).read(path)
        return try parse(text, path: path, what: what, oneDocumentHint: oneDocumentHint)
    }

    /// Parses `text` as the file `path`: one YAML document (a second is an error at its start).
    package static func parse(_ text: String, path: String, what: String, oneDocumentHint: String = "") throws(InputError) -> YAMLFile {
        let documents: [YAMLNode]
        do {
            documents = try YAMLReader.read(text, position: { SourceLocation(line: $0, column: $1) })
        } catch {
            throw InputError(path: path, location: error.location, message: error.message)
        }
        guard documents.count <= 1 else {
            throw InputError(path: path, location: documents[1].location,
                             message: "\(what) holds one YAML document; a second one starts here\(oneDocumentHint)")
        }
        return YAMLFile(path: path, root: documents.first)
    }

    /// The root as a mapping; `nil` for an empty file (`allowEmpty`), else the error `message`.
    package func mapping(_ message: String, allowEmpty: Bool = false) throws(InputError) -> [YAMLNode.Pair]? {
        guard let root, root.scalarType != .null || root.pairs != nil else {
            if allowEmpty { return nil }
            throw InputError(path: path, message: message)
        }
        guard let pairs = root.pairs else { throw InputError(path: path, location: root.location, message: message) }
        return pairs
    }

    /// An error at `node`.
    package func fail(_ node: YAMLNode, _ message: String) -> InputError {
        InputError(path: path, location: node.location, message: message)
    }

    /// "unknown KIND 'name' — did you mean 'closest'?", at the key, listing the keys when asked.
    package func unknown(_ kind: String, _ key: YAMLNode, known: [String], listKnown: Bool = false) -> InputError {
        let name = key.string ?? "?"
        let hint = Suggestion.closest(to: name, in: known).map { " — did you mean '\($0)'?" } ?? ""
        return fail(key, "unknown \(kind) '\(name)'\(hint)\(listKnown ? " (keys: \(known.joined(separator: ", ")))" : "")")
    }
}
