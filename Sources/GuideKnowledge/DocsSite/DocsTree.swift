/// A documentation tree as Hugo builds it: files under a content folder, a page per Markdown
/// file, published under a base URL. Resolves a guide's relative links the way Hugo's
/// `.Page.GetPage` does: against the folder of the page's file (a page bundle's `index.md`
/// resolves against the bundle's folder).
public struct DocsTree: Sendable {
    /// Whether a path under the content folder (`configuration/x.md`) exists.
    public var exists: @Sendable (String) -> Bool
    /// The site's base URL (`https://www.authelia.com/`), when known: render makes links absolute.
    public var baseURL: String?
    /// In words, for messages ("Authelia's documentation at commit 23572030b404").
    public var description: String

    /// Top-level sections whose pages the site publishes under a permalink pattern of its
    /// own (Authelia's `[permalinks]`: `blog = "/blog/:slug/"`), not under their path: a link
    /// into them is checked but not made absolute.
    public var sectionsWithOwnPermalinks: Set<String> = []

    public init(exists: @escaping @Sendable (String) -> Bool, baseURL: String?, description: String,
                sectionsWithOwnPermalinks: Set<String> = []) {
        self.exists = exists
        self.baseURL = baseURL
        self.description = description
        self.sectionsWithOwnPermalinks = sectionsWithOwnPermalinks
    }

    public enum Resolution: Equatable, Sendable {
        /// The link names this file under the content folder (`#fragment` kept apart).
        case found(path: String, fragment: String?)
        /// The link names a page or file the tree does not have (`path`: where it was
        /// looked for first).
        case missing(path: String?)
        /// Not a link GuideKit checks: absolute, site-rooted, an anchor on the same page,
        /// `mailto:` and the like.
        case notChecked
    }

    /// Resolves `destination` written in the page whose file is `page` (under the content
    /// folder), as Hugo's `pageFinder.getContentNodeForRef` (hugolib/pagecollections.go) does for
    /// `.Page.GetPage`: a path with an extension that starts with `../`, and any path from a
    /// section's `_index.md` or a regular page, is joined to the folder of the page's file;
    /// any other relative path from a bundle `x/index.md` to the folder above `x`; joining as
    /// Go's `path.Join` does (`..` stops at the top). (Hugo then also looks next to the page's
    /// file, which finds only a bundle's own `.md` resources: not pages, so GetPage returns
    /// nothing for them.) A path that does not start with `.` is also looked up
    /// from the top of the content folder. A page path names `p.md`, `p/index.md` or
    /// `p/_index.md`. A file that is not a page (`./login.png`) is not found by GetPage: the
    /// link stays as written and the browser resolves it next to the published page, which
    /// for a bundle is the bundle's folder.
    public func resolve(_ destination: String, from page: String) -> Resolution {
        guard let relative = Self.relativePath(destination) else { return .notChecked }
        let hash = relative.firstIndex(of: "#")
        var reference = String(hash.map { relative[..<$0] } ?? Substring(relative))
        let fragment = hash.map { String(relative[relative.index(after: $0)...]) }
        while reference.count > 1, reference.hasSuffix("/") { reference.removeLast() }
        guard !reference.isEmpty, reference != "." else { return .notChecked }
        let fileFolder = Self.folder(of: page)
        let file = page.split(separator: "/").last.map(String.init) ?? page
        let lastSegment = reference.split(separator: "/").last ?? ""
        // Hugo's `paths.HasExt` (a dot in the last segment: also `..`), which picks the folder;
        // `.` and `..` still name pages (a section), not files.
        let hasExtension = lastSegment.contains(".")
        if hasExtension, !lastSegment.hasSuffix(".md"), lastSegment != ".", lastSegment != ".." {
            let path = Self.join(fileFolder, reference)
            return exists(path) ? .found(path: path, fragment: fragment) : .missing(path: path)
        }
        let isLeafBundle = file == "index.md"
        let base = !isLeafBundle || (hasExtension && reference.hasPrefix("../")) ? fileFolder : Self.folder(of: fileFolder)
        var tried: [String] = []
        func lookUp(_ path: String) -> String? {
            tried.append(path)
            return Self.candidates(path).first(where: exists)
        }
        if let found = lookUp(Self.join(base, reference)) { return .found(path: found, fragment: fragment) }
        if !reference.hasPrefix("."), let found = lookUp(Self.join("", reference)) { return .found(path: found, fragment: fragment) }
        return .missing(path: tried.first)
    }

    /// The folder of a path under the content folder (`a/b/index.md` → `a/b`, `x.md` → ``).
    static func folder(of path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// Go's `path.Join` on a rooted path, without the root: `..` at the top stays at the top.
    static func join(_ folder: String, _ reference: String) -> String {
        var segments = folder.split(separator: "/").map(String.init)
        for segment in reference.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }

    /// The files a page path may be (`x.md` stands for the page `x`: `x.md`, the bundle
    /// `x/index.md` or the section `x/_index.md`).
    static func candidates(_ path: String) -> [String] {
        let stem = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
        return ["\(stem).md", "\(stem)/index.md", "\(stem)/_index.md"]
    }

    /// The destination when it is relative (`../x.md`, `x/`, `./image.png`); `nil` for a URL
    /// with a scheme, a site-rooted path, a bare fragment, or one with a query.
    static func relativePath(_ destination: String) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("/"), !destination.hasPrefix("#"),
              !destination.contains("?"), !destination.contains(" ") else { return nil }
        if let colon = destination.firstIndex(of: ":"),
           !destination[..<colon].contains("/"), !destination[..<colon].contains("#") { return nil }  // a scheme
        return destination
    }

    /// The URL Hugo publishes a content file at: `configuration/x/clients.md` →
    /// `BASE/configuration/x/clients/`, `a/b/index.md` and `a/_index.md` → their folder,
    /// a resource (`a/b/login.png`) → itself. Pages with a `url` or `slug` in their front
    /// matter would be published elsewhere; the tree does not read them.
    public func permalink(_ path: String, fragment: String?) -> String? {
        guard let baseURL, !sectionsWithOwnPermalinks.contains(String(path.prefix { $0 != "/" })) else { return nil }
        var published = path
        if published.hasSuffix("/index.md") || published == "index.md" || published.hasSuffix("/_index.md") || published == "_index.md" {
            published = String(published[..<(published.lastIndex(of: "/").map { published.index(after: $0) } ?? published.startIndex)])
        } else if published.hasSuffix(".md") {
            published = String(published.dropLast(3)) + "/"
        }
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        return base + published + (fragment.map { "#\($0)" } ?? "")
    }

    /// The same path with the number of `../` that names an existing page, fewest first (the
    /// usual mistake is counting the folders wrong); `nil` when no count does.
    public func repair(of destination: String, from page: String) -> String? {
        guard let relative = Self.relativePath(destination) else { return nil }
        var rest = Substring(relative)
        while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
        while rest.hasPrefix("../") { rest = rest.dropFirst(3) }
        let depth = page.split(separator: "/").count - 1
        guard depth >= 1 else { return nil }
        return (1...depth).lazy.map { String(repeating: "../", count: $0) + rest }.first { candidate in
            guard candidate != destination, case .found = resolve(candidate, from: page) else { return false }
            return true
        }
    }
}
