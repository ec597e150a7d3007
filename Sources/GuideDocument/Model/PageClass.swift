/// What kind of page a Markdown file is, which decides the rules it is held to.
///
/// An integration guide sets up one application end to end: it states assumptions, gives a
/// complete client and the application's side, so completeness rules apply (a missing
/// assumptions list, a confidential client without a secret). A reference page, blog post or
/// changelog shows snippets — a partial client to explain one key, several unrelated
/// examples — so it is held to the schema and value rules only.
public enum PageClass: String, Sendable, CaseIterable, Equatable {
    case guide
    case reference

    /// The front matter key that sets a page's class (`guidekit_page: reference`).
    public static let frontMatterKey = "guidekit_page"
}

/// A page's class and why it was given.
public struct PageClassification: Sendable, Equatable {
    public var pageClass: PageClass
    /// In words, for `--verbose` and `extract` ("states assumptions", "front matter").
    public var reason: String

    public init(_ pageClass: PageClass, _ reason: String) {
        self.pageClass = pageClass
        self.reason = reason
    }

    /// The class GuideKit infers from what the page holds, unless its front matter sets one.
    public static func of(_ guide: Guide) -> PageClassification {
        if let declared = guide.frontMatter?[PageClass.frontMatterKey]?.string, let pageClass = PageClass(rawValue: declared) {
            return PageClassification(pageClass, "front matter '\(PageClass.frontMatterKey): \(declared)'")
        }
        if !guide.assumptions.isEmpty { return PageClassification(.guide, "states assumptions") }
        // An assumptions section GuideKit could not read still makes a guide when the page
        // also configures a client; alone, it may be a page about the format.
        if guide.assumptionsHeading != nil, !guide.clientBlocks.isEmpty {
            return PageClassification(.guide, "has an assumptions section and an Authelia client")
        }
        if guide.frontMatter?["application"] != nil { return PageClassification(.guide, "names its application in front matter") }
        if !guide.testedVersions.isEmpty { return PageClassification(.guide, "has a Tested Versions section") }
        if guide.applicationHeading != nil, !guide.settings.isEmpty || !guide.toggles.isEmpty || !guide.clientBlocks.isEmpty {
            return PageClassification(.guide, "has an Application section with settings or a client")
        }
        if guide.codeBlocks.contains(where: { if case .declared = $0.roleSource { true } else { false } }) {
            return PageClassification(.guide, "tags its code blocks with guide roles")
        }
        return PageClassification(.reference, "no assumptions, Tested Versions or Application settings: its snippets are examples")
    }
}
