namespace TeamsCrm.FakeGraph;

/// <summary>What a request did, for counters, logs and targeted faults.</summary>
public enum RouteKind
{
    Unknown, GetSite, ListLists, GetList, CreateList, ListColumns, GetColumn, CreateColumn, UpdateColumn,
    QueryItems, GetItem, CreateItem, UpdateItem, DeleteItem, Batch, GetUser, GetManager, GetMailboxSettings,
    // Drives of document libraries (Graph).
    ListDrives, GetDrive, GetDriveItem, ListChildren, CreateFolder, DeleteDriveItem, UploadContent, CreateUploadSession, DownloadRedirect,
    UpdateDriveItem,
    // The SharePoint host: upload session URLs and pre-authenticated download URLs.
    UploadFragment, UploadStatus, CancelUpload, CommitUpload, Download,
}

public static class RouteKinds
{
    /// <summary>
    /// SharePoint's resource units: 1 for a single-item read, 2 for a multi-item query or a write (an app gets about
    /// 1,250 a minute on a small tenant). The $batch envelope costs nothing; its steps are counted one by one. Upload
    /// fragments count as writes and downloads as reads: the throttling page does not price them (the fake's guess).
    /// </summary>
    public static int ResourceUnits(this RouteKind kind) => kind switch
    {
        RouteKind.Batch or RouteKind.Unknown => 0,
        RouteKind.GetSite or RouteKind.GetList or RouteKind.GetColumn or RouteKind.GetItem or RouteKind.GetUser or RouteKind.GetManager or RouteKind.GetMailboxSettings
            or RouteKind.GetDrive or RouteKind.GetDriveItem or RouteKind.DownloadRedirect or RouteKind.UploadStatus or RouteKind.Download => 1,
        _ => 2,
    };

}
