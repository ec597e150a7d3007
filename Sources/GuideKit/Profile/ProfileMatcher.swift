import Foundation

/// Picks a guide's application profile: the front matter's `application` (profile id or
/// name), else the file name, else the title.
public enum ProfileMatcher {
    public static func profile(for guide: Guide, in profiles: [ApplicationProfile]) -> ApplicationProfile? {
        if let declared = guide.frontMatter?["application"]?.string {
            return profiles.first { sameIgnoringCase($0.id, declared) || sameIgnoringCase($0.name, declared) }
        }
        let stem = Guide.name(forPath: guide.path)
        if let byFile = profiles.first(where: { $0.matchFiles.contains { sameIgnoringCase($0, stem) } }) { return byFile }
        guard let title = guide.title else { return nil }
        return profiles.first { $0.matchTitles.contains { sameIgnoringCase($0, title) } }
    }

    /// Equal when lower-cased. ASCII names (all of them in practice) are compared byte by byte
    /// without building lower-cased copies: this runs for every guide against every profile,
    /// and the copies were most of `check`'s profile matching.
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else { return a.lowercased() == b.lowercased() }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        return x.count == y.count && zip(x, y).allSatisfy { lower($0) == lower($1) }
    }
}
