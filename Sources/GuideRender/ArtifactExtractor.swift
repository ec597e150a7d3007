import GuideChecks
import GuideDocument
import GuideKnowledge

/// The files an administrator pastes, taken from a rendered guide: the Authelia client YAML
/// (`authelia-client.yml`) and each application configuration block or command, named as the
/// application expects the file (`ApplicationFileName`). A YAML file holds one document (a
/// block of several becomes several files); a snippet the guide repeats (same name, same
/// content) is written once.
enum ArtifactExtractor {
    static func artifacts(from guide: Guide) -> [RenderedGuide.Artifact] {
        var files = FileSet()
        for block in guide.clientBlocks {
            for document in yamlDocuments(of: block) { files.add("authelia-client.yml", document) }
        }
        let naming = ApplicationFileName.Context(guide)
        for block in guide.codeBlocks where block.role == .appSettings || block.role == .shell {
            let name = ApplicationFileName.name(for: block, in: naming).file
            for document in block.isYAML ? yamlDocuments(of: block) : [block.content] { files.add(name, document) }
        }
        return files.artifacts
    }

    /// The block's YAML documents as text, each on its own; the whole block when the split
    /// at `---` lines does not give the documents the YAML parser read.
    static func yamlDocuments(of block: CodeBlock) -> [String] {
        guard case .success(let documents)? = block.yaml, documents.count > 1 else { return [block.content] }
        var pieces: [String] = [""]
        for line in block.content.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line == "---" || line.hasPrefix("--- ") || line.hasPrefix("---\t") {
                if !pieces[pieces.count - 1].isEmpty { pieces.append("") }
                let rest = line.dropFirst(3).drop(while: { $0 == " " || $0 == "\t" })
                if !rest.isEmpty { pieces[pieces.count - 1] += rest + "\n" }
            } else {
                pieces[pieces.count - 1] += line + "\n"
            }
        }
        let documentsText = pieces.filter { $0.contains(where: { !$0.isWhitespace }) }
        return documentsText.count == documents.count ? documentsText : [block.content]
    }

    /// The files of one guide's folder: names unique (`config.php`, `config-2.php`), content
    /// written once.
    struct FileSet {
        private(set) var artifacts: [RenderedGuide.Artifact] = []
        private var used: Set<String> = ["guide.md", "guide.html", "secrets.txt"]
        private var contents: Set<String> = []
        /// Per name, the next number to try: many blocks of one name stay linear.
        private var nextNumber: [String: Int] = [:]

        /// A block of the same name and content as an earlier one is the same snippet: written
        /// once. Names are told apart without case, as on a case-insensitive file system
        /// (`Guide.md` would be `guide.md` there).
        mutating func add(_ name: String, _ content: String) {
            guard contents.insert(name + "\u{0}" + normalized(content)).inserted else { return }
            var candidate = name
            var counter = nextNumber[name, default: 2]
            while used.contains(candidate.lowercased()) {
                candidate = Self.numbered(name, counter)
                counter += 1
            }
            if candidate != name { nextNumber[name] = counter }
            used.insert(candidate.lowercased())
            artifacts.append(.init(name: candidate, content: content, permissions: 0o644))
        }

        private func normalized(_ content: String) -> String {
            content.split(separator: "\n").map { $0.trimmingSuffix(while: \.isWhitespace) }.joined(separator: "\n")
        }

        /// `config.php` → `config-2.php`, `domains.cfg.fragment` → `domains-2.cfg.fragment`,
        /// `.env` → `.env-2`.
        static func numbered(_ name: String, _ counter: Int) -> String {
            let body = name.dropFirst()
            guard let dot = body.firstIndex(of: ".") else { return "\(name)-\(counter)" }
            return "\(name[..<dot])-\(counter)\(name[dot...])"
        }
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var text = self
        while let last = text.last, predicate(last) { text.removeLast() }
        return text
    }
}
