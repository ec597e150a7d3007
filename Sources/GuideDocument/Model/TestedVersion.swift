/// One product of a guide's "Tested Versions" section, with the releases the guide names:
/// `- Authelia v4.39` (GuideKit's form), or the upstream form, a product item with release
/// items under it (`- [Authelia]` / `  - [v4.38.0](…)`).
public struct TestedVersion: Sendable, Equatable {
    public var product: String
    public var versions: [Located<String>]

    public init(product: String, versions: [Located<String>]) {
        self.product = product
        self.versions = versions
    }

    /// A product name compared without case, spaces or punctuation (`Proxmox VE` =
    /// `proxmox-ve`).
    /// A parenthesised note is dropped (`Karakeep (previously named Hoarder)`).
    public static func normalize(_ name: String) -> String {
        let main = name.split(separator: "(", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return String(main.lowercased().unicodeScalars.filter { $0.isASCIIAlphanumeric || !$0.isASCII })
    }

    /// Whether this entry is about the product named `name` (normalized): the same name, or
    /// the name followed by an edition (`GitLab CE`, `Seafile Server`).
    public func isAbout(_ name: String) -> Bool {
        let product = Self.normalize(self.product)
        return product == name || (name.count >= 4 && product.hasPrefix(name))
    }
}
