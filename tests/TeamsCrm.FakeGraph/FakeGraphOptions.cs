namespace TeamsCrm.FakeGraph;

/// <summary>Knobs of the fake. Latency may be changed while the server runs (benchmarks sweep it).</summary>
public sealed class FakeGraphOptions
{
    /// <summary>
    /// Added to every HTTP round trip (a $batch is one round trip) with Task.Delay on <see cref="Clock"/>: a stand-in for
    /// network and service time.
    /// </summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Graph serves 200 list items per page unless $top says otherwise…</summary>
    public int DefaultPageSize { get; init; } = 200;

    /// <summary>…and at most 5,000, whatever $top asks for.</summary>
    public int MaxPageSize { get; init; } = 5000;

    /// <summary>SharePoint Online's list view threshold; fixed at 5,000 there, lowered here only to make small tests.</summary>
    public int ListViewThreshold { get; init; } = 5000;

    /// <summary>Retry-After sent with a query refused for the list view threshold (Graph answers it as a 429).</summary>
    public int ThresholdRetryAfterSeconds { get; init; } = 1;

    /// <summary>A JSON $batch holds at most 20 requests.</summary>
    public int MaxBatchRequests { get; init; } = 20;

    /// <summary>
    /// Graph may answer $batch steps in any order. The fake keeps request order unless this is set, which reverses it,
    /// so a test can prove its client matches responses by id.
    /// </summary>
    public bool ReverseBatchResponses { get; set; }

    /// <summary>How many recent requests <see cref="FakeGraphServer.Requests"/> keeps (benchmarks make many).</summary>
    public int RequestLogCapacity { get; init; } = 10_000;

    /// <summary>
    /// Where drive files and upload fragments are kept on disk. Null (the default): a fresh directory under the temp
    /// directory, removed when the server stops.
    /// </summary>
    public string? ContentRoot { get; init; }

    /// <summary>
    /// How long an upload session lives without a fragment: its expirationDateTime, moved on by every fragment
    /// received. OneDrive for Business starts sessions at about 15 minutes and extends them as bytes arrive.
    /// </summary>
    public TimeSpan UploadSessionLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a pre-authenticated download URL (the 302's Location, @microsoft.graph.downloadUrl) works: "a few minutes".</summary>
    public TimeSpan DownloadUrlLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Stamps createdDateTime and lastModifiedDateTime, expires upload sessions and download URLs; tests may pass a FakeTimeProvider.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
