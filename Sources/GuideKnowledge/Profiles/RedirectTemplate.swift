import GuideDocument

/// The redirect URI templates of a profile (`redirect_uris:`): which of the profile's settings
/// a template reads, and the URI it gives for a guide. The loader validates templates with
/// the first, the `profile-redirect-uri` rule fills them with the second.
extension ApplicationProfile {
    /// The setting keys a template reads (`{setting:KEY}`), in order.
    package static func settingKeys(inTemplate template: String) -> [String] {
        var keys: [String] = []
        var rest = template[...]
        while let open = rest.literalRange(of: "{setting:"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            keys.append(String(rest[open.upperBound..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return keys
    }

    /// Fills a template from the Application Root URL, the assumptions and the application's
    /// own settings (`overriding` gives a setting another value than the guide's last one);
    /// `nil` when it needs an assumption or a setting the guide does not state.
    package func redirectURI(_ template: String, root: WebURL, guide: Guide, overriding: [String: String] = [:]) -> String? {
        var text = template.replacingOccurrences(of: "{origin}", with: root.origin)
            .replacingOccurrences(of: "{root}", with: root.origin + root.normalizedPath)
        while let open = text.literalRange(of: "{assumption:"), let close = text[open.upperBound...].firstIndex(of: "}") {
            let label = AssumptionKind.normalize(String(text[open.upperBound..<close]))
            guard let value = guide.assumptions.first(where: { AssumptionKind.normalize($0.label.value) == label })?.rawValue?.value else {
                return nil
            }
            text.replaceSubrange(open.lowerBound...close, with: value)
        }
        // `{setting:KEY}`: the value the guide gives the profile's setting KEY (a provider name
        // or id the application puts into its callback path).
        while let open = text.literalRange(of: "{setting:"), let close = text[open.upperBound...].firstIndex(of: "}") {
            let key = String(text[open.upperBound..<close])
            guard let value = overriding[key] ?? settingValue(key, in: guide) else { return nil }
            text.replaceSubrange(open.lowerBound...close, with: value)
        }
        return text
    }
}
