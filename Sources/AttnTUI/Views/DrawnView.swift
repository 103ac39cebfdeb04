// DrawnView: what drawing one view gave back to the frame: the scales its colour bar shows (one,
// or CoordAtt's two), the readout of the value under the cursor or of the selected channel, and
// how many rows of the side panel it used.

struct DrawnView {
    var scales: [(label: String?, scale: ViewScale)] = []
    var readout: String?
    var sideUsed = 0
}
