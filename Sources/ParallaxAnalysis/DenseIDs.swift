extension Dictionary where Value == Int {
    /// The dense id of `key`: 0, 1, 2, … in the order keys are first seen (the dictionary holds only such ids), and
    /// whether it was assigned by this call. A caller keeping one array entry per id appends on `isNew`.
    mutating func denseID(of key: Key) -> (id: Int, isNew: Bool) {
        if let known = self[key] { return (known, false) }
        let id = count
        self[key] = id
        return (id, true)
    }
}
