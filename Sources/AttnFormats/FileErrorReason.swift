// FileErrorReason: the operating system's own words for a failed file write
// ("No such file or directory"), dug out of Foundation's wrapping error, for the one-line
// messages of the safetensors writer.
import Foundation

func fileErrorReason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
        return underlying.localizedDescription
    }
    return nsError.localizedDescription
}
