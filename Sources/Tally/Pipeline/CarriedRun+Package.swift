extension BillingPipeline {
    /// What a close of `month` writes (README, "Closing a month"): the issued
    /// run (and so its document), the platform at the month's end with the events and
    /// rejections dated after it, the ids first read now, the filter of every
    /// closed id, and what was read of each input.
    ///
    /// - Throws: ``BooksRunError`` when the books or an input can't be read.
    /// The carried run is consumed: its ids move into the package.
    func package(_ carried: consuming CarriedRun, month: BillingPeriod, books: Books,
                 at instant: Timestamp) throws(BooksRunError) -> ClosePackage {
        var newIDs: [RegisteredID] = []
        swap(&newIDs, &carried.replayed.reader.newIDs)
        let replayed = carried.replayed
        let captured = replayed.captured ?? Captured(state: replayed.state, deferred: [])
        var counts = replayed.counts
        counts.applied -= captured.appliedAfter
        counts.rejected -= captured.violatedAfter
        let snapshot = Snapshot(month: month, names: replayed.names, state: captured.state, counts: counts,
                                deferred: captured.deferred, carriedRejections: captured.carriedRejections,
                                nextSequence: replayed.reader.nextSequence)
        let last = books.closes.last
        // Only the ids of lines no earlier close read: a replay from an older
        // close reads some again.
        var ids = carried.lateFrom == nil ? newIDs : newIDs.filter { id in
            guard let last, Int(id.location.source) < last.inputs.count else { return true }
            return id.location.offset >= last.inputs[Int(id.location.source)].bytes
        }
        newIDs = []
        RegisteredID.sort(&ids)
        // The filter of the closes before; this close's ids are set in it as it is written.
        var filter: IDFilter
        do throws(BooksError) {
            if let lastMonth = books.lastClosedMonth {
                // A replay from the last close read with its filter; one from an older close, with that one's.
                if carried.lateFrom == nil, let read = replayed.reader.closedIDs?.filter {
                    filter = read
                } else {
                    filter = try books.filter(of: lastMonth)
                }
                if filter.count + ids.count > filter.capacity {
                    filter = IDFilter(capacity: 2 * (filter.count + ids.count))
                    for list in try books.closedIDs(through: lastMonth).lists { list.forEach { filter.insert($0.hash) } }
                }
            } else {
                filter = IDFilter(capacity: max(1 << 16, 2 * ids.count))
            }
        } catch {
            throw .books(error)
        }

        var inputs: [ClosedInput] = []
        for (index, input) in carried.inputs.enumerated() {
            guard let path = input.path else { throw .standardInput }
            let ending = replayed.reader.endings[index]
            let earlier = last.flatMap { index < $0.inputs.count ? $0.inputs[index] : nil }
            let bytes = ending?.offset ?? earlier?.bytes ?? 0
            let known = earlier?.blockHashes ?? []
            let hashes: [UInt64]
            let before = FileStamp(path: path)
            do {
                hashes = try ClosedInputCheck.blockHashes(of: path, name: input.name, length: bytes, reusing: known)
            } catch {
                throw .run(.input(error))
            }
            // The stamp is recorded when the file did not change since its blocks were hashed or
            // checked (in this run: a new file is hashed whole here) and has settled.
            var stamp: FileStamp?
            if let before, before == FileStamp(path: path), before.isSettled,
               earlier == nil || carried.checkedStamps[index] == before {
                stamp = before
            }
            inputs.append(ClosedInput(name: input.name, bytes: bytes, lines: ending?.lines ?? earlier?.lines ?? 0,
                                      blockSize: ClosedInputCheck.blockSize,
                                      blockHashes: hashes, stamp: stamp))
        }
        let record = CloseRecord(format: Books.formatVersion, month: month.description, closedAt: instant.description,
                                 inputs: inputs, lateFrom: carried.lateFrom, ids: ids.count, events: carried.run.events)
        return ClosePackage(record: record, run: carried.run, snapshot: snapshot, ids: ids,
                            filter: filter)
    }
}
