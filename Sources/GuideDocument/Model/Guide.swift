import Foundation

/// A heading of the guide.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var location: SourceLocation

    /// Unique, URL-safe anchors derived from heading text, in order (the page's `id`s and
    /// its table of contents).
    public static func anchors(for headings: [Heading]) -> [String] {
        var used: [String: Int] = [:]
        return headings.map { heading in
            let slug = slug(heading.text)
            let count = used[slug, default: 0]
            used[slug] = count + 1
            return count == 0 ? slug : "\(slug)-\(count + 1)"
        }
    }

    /// A heading text's anchor before de-duplication ("Configuration File" →
    /// `configuration-file`).
    public static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { slug.unicodeScalars.append(scalar) } else if !slug.hasSuffix("-") { slug += "-" }
        }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")))
        return slug.isEmpty ? "section" : slug
    }
}

/// Everything GuideKit extracts from one guide file.
public struct Guide: Sendable {
    public var path: String
    public var source: PreparedSource
    /// The front matter parsed as YAML, when present and valid.
    public var frontMatter: YAMLNode?
    public var title: String?
    /// The "Assumptions" heading, when the guide has one.
    public var assumptionsHeading: SourceLocation?
    /// The first "Application" heading (where the application's steps start), if any.
    public var applicationHeading: SourceLocation?
    /// Every heading, in order.
    public var headings: [Heading]
    /// Every inline code span in paragraphs and headings, in order, at its content's position.
    public var codeSpans: [Located<String>]
    /// Every link and image destination in paragraphs and headings, at its position.
    public var links: [Located<String>] = []
    /// Destinations of the reference definitions the page uses (`[client configuration]: ../x.md`
    /// at the foot of upstream guides): cmark resolves them into links, leaving no node of their own.
    public var linkDefinitions: [Located<String>] = []
    /// `guidekit-disable` comments.
    public var suppressions: [Suppression] = []
    /// `guidekit-…` comments that are no directive GuideKit knows (each is a warning).
    public var unknownDirectives: [Located<String>] = []
    public var assumptions: [Assumption]
    public var codeBlocks: [CodeBlock]
    public var settings: [AppSetting]
    /// On/off switches in the application's steps (`- Map Groups: Disabled`).
    public var toggles: [AppToggle] = []
    public var clients: [AutheliaClient]
    /// The "Tested Versions" section: products and the releases the guide names.
    public var testedVersions: [TestedVersion] = []
    /// cmark's HTML of the same parse, when the parser was asked for it (`render`).
    public var html: String?

    /// The first assumption of a kind GuideKit understands.
    public func assumption(_ kind: AssumptionKind) -> Assumption? {
        assumptions.first { $0.kind == kind }
    }

    /// The Authelia release the guide declares (`authelia_version` front matter), if any.
    public var declaredVersion: AutheliaVersion? {
        frontMatter?["authelia_version"]?.string.flatMap(AutheliaVersion.init)
    }

    /// A guide's name: its file name without `.md`, or its folder's name for the
    /// `NAME/index.md` layout upstream Authelia guides use.
    public static func name(forPath path: String) -> String {
        // String work, not `URL`: this runs for every guide and profile, and Foundation's URL
        // parsing was a visible cost. A relative `index.md` takes the current folder's name.
        let parts = path.split(separator: "/")
        guard let last = parts.last else { return path }
        var file = last
        if let dot = file.lastIndex(of: "."), dot > file.startIndex { file = file[..<dot] }
        guard file == "index" else { return String(file) }
        if parts.count >= 2 { return String(parts[parts.count - 2]) }
        return FileManager.default.currentDirectoryPath.split(separator: "/").last.map(String.init) ?? String(file)
    }

    /// Blocks that hold Authelia client configuration.
    public var clientBlocks: [CodeBlock] { codeBlocks.filter { $0.role == .autheliaClient } }
}
