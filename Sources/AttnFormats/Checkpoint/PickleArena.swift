// PickleArena: every list and dict one checkpoint's pickles built, and every storage they name.
// Emptying the containers once the read is over breaks any cycle (a list appended into itself
// through the memo) and any deep chain of containers, so they are freed one at a time instead of
// recursively, or never.

final class PickleArena {
    private var lists: [PickleList] = []
    private var dicts: [PickleDict] = []
    private(set) var storages: [StorageReference] = []

    func list(_ items: [PickleValue] = []) -> PickleList {
        let l = PickleList(items)
        lists.append(l)
        return l
    }

    func dict() -> PickleDict {
        let d = PickleDict()
        dicts.append(d)
        return d
    }

    func record(_ storage: StorageReference) { storages.append(storage) }

    func empty() {
        for l in lists { l.items = [] }
        for d in dicts { d.removeAll() }
        lists = []
        dicts = []
        storages = []
    }
}
