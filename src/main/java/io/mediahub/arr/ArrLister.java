package io.mediahub.arr;

/** The one step that differs between Radarr and Sonarr: listing the files of the library into the export. */
public interface ArrLister {
    ArrExport list(ArrExport export);
}
