// Browser journeys share two cores with their servers: one collection at a time keeps them steady.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
