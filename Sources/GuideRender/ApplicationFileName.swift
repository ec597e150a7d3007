import Foundation
import GuideDocument

/// The file name an application block is written under, named as the application expects
/// the file: the block's `title` (`/etc/pve/domains.cfg` → `domains.cfg`, `.env`), else a file
/// the sentence introducing the block names (``Add the following to the `config.php` ``), else
/// what the block's content is (`.env` settings, a Compose file, Proxmox's `domains.cfg`),
/// else the heading the block stands under (`command-line.sh`).
///
/// A name ends in `.fragment` when the block is only part of that file: the introducing
/// sentence says to add it to the file, or the format always holds more than one guide's
/// block (Proxmox's `domains.cfg` always has the built-in `pam` and `pve` realms, which
/// `PVE::Auth::Plugin::parse_config` in pve-access-control adds when it reads the file).
enum ApplicationFileName {
    struct Name: Equatable {
        var base: String
        var isFragment: Bool
        var file: String { isFragment ? base + ".fragment" : base }
    }

    /// What naming needs of the whole guide, worked out once (a guide may have thousands of
    /// blocks and headings: naming each block stays linear).
    struct Context {
        let guide: Guide
        /// Each heading's anchor, in the guide's order (headings are in line order).
        let anchors: [String]

        init(_ guide: Guide) {
            self.guide = guide
            anchors = Heading.anchors(for: guide.headings)
        }

        /// The slug of the nearest heading above `line` (`Command line` → `command-line`), by
        /// binary search over the headings.
        func headingSlug(before line: Int) -> String? {
            var low = 0, high = guide.headings.count
            while low < high {
                let middle = (low + high) / 2
                if guide.headings[middle].location.line < line { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? nil : ApplicationFileName.safeName(anchors[low - 1])
        }
    }

    static func name(for block: CodeBlock, in context: Context) -> Name {
        let guide = context.guide
        let intro = introduction(of: block, in: guide)
        let fragment = (block.role != .shell && saysToAdd(intro)) || block.info.value(of: "format") == "domains.cfg"
        if let title = block.title, let name = safeName(title) {
            return Name(base: name, isFragment: fragment || name == "domains.cfg")
        }
        if block.role == .appSettings, let named = fileNamed(inCodeSpansOf: intro) {
            return Name(base: named, isFragment: fragment || named == "domains.cfg")
        }
        if let shaped = nameFromContent(of: block) {
            return Name(base: shaped, isFragment: fragment)
        }
        let stem = context.headingSlug(before: block.location.line) ?? (block.role == .shell ? "commands" : "settings")
        let ext = block.role == .shell ? "sh" : (block.language.flatMap(extensionName) ?? "txt")
        return Name(base: "\(stem).\(ext)", isFragment: fragment)
    }

    /// A file name from a title or path (`/etc/pve/domains.cfg` → `domains.cfg`), or `nil`
    /// when nothing safe is left. A leading dot stays (`.env`); `.` and `..` never result.
    static func safeName(_ title: String) -> String? {
        let last = title.split(separator: "/").last.map(String.init) ?? title
        let kept = String(last.unicodeScalars.filter(\.isSafeWordCharacter).map(Character.init))
        let name = String(kept.drop(while: { $0 == "-" }))
        // The rules of output folder names (`SiteLoader.folderNameProblem`), but a leading dot
        // is kept: `.env` is the file's name.
        let undotted = name.hasPrefix(".") && !name.hasPrefix("..") ? "x" + name : name
        guard name.unicodeScalars.contains(where: \.isASCIIAlphanumeric), !name.hasPrefix(".guidekit"),
              SiteLoader.folderNameProblem(undotted) == nil else { return nil }
        return name
    }

    /// The text just before the block: the paragraph or list item that introduces it, at
    /// most four lines, across at most one blank line.
    static func introduction(of block: CodeBlock, in guide: Guide) -> String {
        var lines: [String] = []
        var line = block.location.line - 1
        var blanks = 0
        while line >= 1, lines.count < 4 {
            let text = guide.source.resolvedLine(line).trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                if !lines.isEmpty || blanks == 1 { break }
                blanks += 1
            } else if text.hasPrefix("```") || text.hasPrefix("~~~") || text.hasPrefix("#") {
                break
            } else {
                lines.insert(text, at: 0)
            }
            line -= 1
        }
        return lines.joined(separator: " ")
    }

    /// Whether the introducing sentence asks to add the block to something ("Add the following
    /// to the `config.php`", "append ... into"): a verb of adding, then "to" or "into". ("Add
    /// the Client Secret:" above a whole manifest does not.)
    static func saysToAdd(_ intro: String) -> Bool {
        let words = intro.lowercased().split(whereSeparator: { !$0.isLetter })
        guard let verb = words.firstIndex(where: { ["add", "append", "merge", "insert"].contains($0) }) else { return false }
        return words[verb...].contains { $0 == "to" || $0 == "into" }
    }

    /// The last code span of the introduction that names a configuration file
    /// (`config.php`, `/etc/dovecot/conf.d/auth.conf`, `.env`).
    static func fileNamed(inCodeSpansOf intro: String) -> String? {
        let spans = intro.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        return spans.reversed().lazy.compactMap { span -> String? in
            guard !span.contains(" "), let name = safeName(span) else { return nil }
            if name == ".env" { return name }
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            return configurationExtensions.contains(String(name[name.index(after: dot)...]).lowercased()) ? name : nil
        }.first
    }

    static let configurationExtensions: Set<String> = [
        "php", "yml", "yaml", "json", "toml", "ini", "conf", "cfg", "env", "py", "rb", "js", "xml",
        "properties", "exs", "ext", "cf", "csv", "lua", "txt",
    ]

    /// A name the content itself gives: settings in `.env` form, a Compose file (a top-level
    /// `services:` mapping), Proxmox's `domains.cfg`.
    static func nameFromContent(of block: CodeBlock) -> String? {
        if block.info.value(of: "format") == "domains.cfg" { return "domains.cfg" }
        guard block.role == .appSettings else { return nil }
        if block.language == "env" || block.language == "dotenv" || (block.isShell && isDotEnv(block.content)) {
            return ".env"
        }
        if block.isYAML, case .success(let documents)? = block.yaml,
           documents.count == 1, documents[0]["services"]?.pairs != nil {
            return "compose.yml"
        }
        return nil
    }

    /// Every non-comment line is `NAME=value`.
    static func isDotEnv(_ content: String) -> Bool {
        let lines = content.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return !lines.isEmpty && lines.allSatisfy { line in
            guard let equals = line.firstIndex(of: "=") else { return false }
            var name = line[..<equals]
            if name.hasPrefix("export ") { name = name.dropFirst(7) }
            return !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" }
        }
    }

    /// A file extension for a block's language (`yaml` → `yml`, `shell` → `sh`).
    static func extensionName(_ language: String) -> String? {
        switch language {
        case "yaml", "yml": "yml"
        case "shell", "bash", "sh", "zsh": "sh"
        case "python": "py"
        case "ruby": "rb"
        case "javascript": "js"
        case "text", "plain", "plaintext": "txt"
        default: safeName(language)
        }
    }
}
