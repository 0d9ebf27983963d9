using TeamsCrm.FakeGraph.Handlers;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>
/// What the fake serves in place of the SharePoint host (not Graph, no /v1.0, no Authorization): upload session URLs
/// and pre-authenticated download URLs. They go through the same faults, latency, counters and request log as Graph.
/// </summary>
internal static class SharePointHost
{
    public const string UploadPath = "/_api/v2.0/uploadSession";

    public static (RouteKind Kind, Func<Task<GraphResponse>> Handle) Match(GraphRequest r, GraphContext g)
    {
        var m = r.Method.ToUpperInvariant();
        if (r.Path is ["_api", "v2.0", "uploadSession", var id])
            return m switch
            {
                "PUT" => (RouteKind.UploadFragment, () => UploadSessionHandlers.PutFragmentAsync(g, r, id)),
                "GET" => GraphRouter.Sync(RouteKind.UploadStatus, () => UploadSessionHandlers.Status(g, r, id)),
                "DELETE" => (RouteKind.CancelUpload, () => UploadSessionHandlers.CancelAsync(g, r, id)),
                "POST" => (RouteKind.CommitUpload, () => UploadSessionHandlers.CommitAsync(g, r, id)),
                _ => GraphRouter.NotAllowed(r),
            };
        if (r.Path is ["_layouts", "15", "download.aspx"])
            return m == "GET" ? GraphRouter.Sync(RouteKind.Download, () => DownloadHandler.Serve(g, r)) : GraphRouter.NotAllowed(r);
        return (RouteKind.Unknown, () => throw GraphError.NotFound("Nothing is served at this address."));
    }
}
