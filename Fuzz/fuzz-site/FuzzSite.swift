import Foundation
import GuideKit

// libFuzzer entry point: one input is the text of one site file (`render --site`). Every
// value the loader accepts must fit its role's closed character set; anything else must be
// refused with an `InputError`, never a crash or trap.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSite(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let text = try? GuideFileReader.decode(bytes, path: "site.yml") else { return 0 }
    guard let site = try? SiteLoader.parse(text, file: "site.yml", name: "site") else { return 0 }
    // What was accepted must be safe in its role: a failure here is a validation hole.
    for (key, value) in site.values {
        let kind = AssumptionKind(label: key.normalized)
        if kind == .clientSecret, value.text == "generate" { continue }
        if let problem = SiteValueRules.problem(with: value.text, as: SiteValueRules.role(of: kind)) {
            fatalError("site value \(key) was accepted but \(problem)")
        }
    }
    return 0
}
