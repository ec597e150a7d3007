import GuideDocument

/// Authelia's documentation site (www.authelia.com), built by Hugo from `docs/content` of
/// authelia/authelia: where an upstream integration guide is published, and which pages exist
/// (`AutheliaDocsPages+Generated.swift`, from `scripts/generate-docs-pages`).
///
/// Sources: the guides live at `docs/content/integration/openid-connect/clients/NAME/index.md`
/// (the NOTICE.md of the test corpus GuideKit is measured on); the site's link hook
/// (`docs/layouts/_markup/render-link.html`) turns a relative link into the page's
/// `.RelPermalink` through `.Page.GetPage`, and leaves a destination that names no page as
/// written, so the reader's browser gets a broken link.
public enum AutheliaDocsSite {
    /// `baseurl` of docs/config/production/hugo.toml.
    public static let baseURL = "https://www.authelia.com/"
    /// docs/config/_default/hugo.toml `[permalinks]`: `blog = "/blog/:slug/"` and
    /// `docs = "/docs/:sections[1:]/:slug/"`; every other page is published under its path.
    static let sectionsWithOwnPermalinks: Set<String> = ["blog", "docs"]

    /// The guide's file under `docs/content` when published upstream.
    public static func pagePath(ofGuideNamed name: String) -> String {
        "integration/openid-connect/clients/\(name)/index.md"
    }

    /// Whether a guide is written for Authelia's documentation site: its front matter has the
    /// site theme's `support` or `seo` maps, or the text uses the site's shortcodes.
    public static func isUpstreamGuide(_ guide: Guide) -> Bool {
        let frontMatter = guide.source.frontMatter?.yaml.split(separator: "\n") ?? []
        return frontMatter.contains { $0.hasPrefix("support:") || $0.hasPrefix("seo:") }
            || !guide.source.shortcodes.isEmpty || guide.source.originalText.containsLiteral("{{% oidc-common")
    }

    /// The published tree, as the generated list knows it.
    public static var publishedTree: DocsTree {
        DocsTree(exists: { paths.contains($0) }, baseURL: baseURL, description: "Authelia's documentation at commit \(commit.prefix(12))",
                 sectionsWithOwnPermalinks: sectionsWithOwnPermalinks)
    }
}
