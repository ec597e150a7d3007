import Foundation
import GuideDocument

/// Where a guide is published, so its relative links can be resolved: inside a Hugo content
/// folder on disk (a checkout of a documentation tree, Authelia's or another's), the files
/// there decide; an upstream Authelia guide elsewhere (a copy, the flattened test corpus) is
/// placed where Authelia publishes it and resolved against the page list GuideKit carries.
/// Any other guide has no known place: its relative links are neither checked nor rewritten.
public struct DocsLocation: Sendable {
    public var tree: DocsTree
    /// The guide's file under the content folder (`integration/openid-connect/clients/x/index.md`).
    public var page: String

    public init(tree: DocsTree, page: String) {
        self.tree = tree
        self.page = page
    }

    public static func of(_ guide: Guide) -> DocsLocation? {
        let upstream = AutheliaDocsSite.isUpstreamGuide(guide)
        if let (root, page) = contentFolder(of: guide.path) {
            let tree = DocsTree(exists: { path in FileManager.default.fileExists(atPath: root + "/" + path) },
                                baseURL: upstream ? AutheliaDocsSite.baseURL : nil,
                                description: "the files under \(root)",
                                sectionsWithOwnPermalinks: upstream ? AutheliaDocsSite.sectionsWithOwnPermalinks : [])
            return DocsLocation(tree: tree, page: page)
        }
        guard upstream else { return nil }
        return DocsLocation(tree: AutheliaDocsSite.publishedTree,
                            page: AutheliaDocsSite.pagePath(ofGuideNamed: Guide.name(forPath: guide.path)))
    }

    /// `…/docs/content/integration/x/index.md` → (`…/docs/content`, `integration/x/index.md`),
    /// when that content folder exists.
    static func contentFolder(of path: String) -> (root: String, page: String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let index = parts.lastIndex(of: "content"), index < parts.count - 1 else { return nil }
        let root = parts[...index].joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return (root, parts[(index + 1)...].joined(separator: "/"))
    }

    /// Every relative link of the guide (inline links and used reference definitions) with
    /// what it resolves to.
    /// Each destination is resolved once (a content folder on disk costs a few file lookups
    /// per destination; a guide repeats its destinations).
    public func resolvedLinks(of guide: Guide) -> [(link: Located<String>, resolution: DocsTree.Resolution)] {
        var resolved: [String: DocsTree.Resolution] = [:]
        return (guide.links + guide.linkDefinitions).map { link in
            if let known = resolved[link.value] { return (link, known) }
            let resolution = tree.resolve(link.value, from: page)
            resolved[link.value] = resolution
            return (link, resolution)
        }
    }
}
