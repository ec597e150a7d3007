import GuideChecks
import GuideDocument
import GuideKnowledge

/// The files an administrator pastes: the Authelia client YAML and each application
/// configuration block or command, taken from a rendered guide.
enum ArtifactExtractor {
    static func artifacts(from guide: Guide) -> [RenderedGuide.Artifact] {
        var artifacts: [RenderedGuide.Artifact] = []
        var used: Set<String> = ["guide.md", "guide.html", "secrets.txt"]
        func add(_ name: String, _ content: String) {
            var candidate = name
            var counter = 2
            while used.contains(candidate) {
                let dot = name.lastIndex(of: ".")
                candidate = dot.map { "\(name[..<$0])-\(counter)\(name[$0...])" } ?? "\(name)-\(counter)"
                counter += 1
            }
            used.insert(candidate)
            artifacts.append(.init(name: candidate, content: content, permissions: 0o644))
        }
        let clientBlocks = guide.clientBlocks.map(\.content)
        if !clientBlocks.isEmpty {
            add("authelia-client.yml", clientBlocks.joined(separator: "---\n"))
        }
        var counter = 0
        for block in guide.codeBlocks where block.role == .appSettings || block.role == .shell {
            counter += 1
            if let title = block.title, let name = safeName(title) {
                add(name, block.content)
            } else {
                let ext = block.role == .shell ? "sh" : (block.language.flatMap(safeName) ?? "txt")
                add("\(block.role == .shell ? "commands" : "settings")-\(counter).\(ext)", block.content)
            }
        }
        return artifacts
    }

    /// A file name from a block title (`/etc/pve/domains.cfg` → `domains.cfg`), or `nil`
    /// when nothing safe is left.
    static func safeName(_ title: String) -> String? {
        let last = title.split(separator: "/").last.map(String.init) ?? title
        let cleaned = String(last.unicodeScalars.filter { $0.isASCIIAlphanumeric || $0 == "." || $0 == "-" || $0 == "_" }.map(Character.init))
        let trimmed = cleaned.drop(while: { $0 == "." })
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
