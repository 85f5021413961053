"""A workbook on OneDrive or SharePoint: xlwings' mapping with Dutch library names, planrapport's, the local folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import xlwings
import xlwings.utils
from conftest import WAREGEM
from live_book_standin import StandInBook
from test_selftest import RegistryStandIn

from planrapport.buttons import press, run_check, run_year_report
from planrapport.commands.pc.excel import xlwings_local_path
from planrapport.commands.pc.security import onedrive_line
from planrapport.local_folder import SYNC_KEY, Mount, PlacedBook, place_of, sync_mounts, synced_file

SITE = "https://gemeente.sharepoint.com/sites/Integratie"


@pytest.fixture
def pc(tmp_path, monkeypatch):
    """A pc with no OneDrive settings at all: no user config of xlwings, no OneDrive variables, an empty home."""
    home = tmp_path / "jan"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(home / ".xlwings" / "xlwings.conf"))
    for name in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(xlwings.utils, "get_url_to_mount", lambda: {})  # its Windows registry: nothing synced
    xlwings.utils.fullname_url_to_local_path.cache_clear()  # xlwings keeps each answer for the whole process
    yield home
    xlwings.utils.fullname_url_to_local_path.cache_clear()


def synced(home: Path, *parts: str) -> Path:
    path = home.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(WAREGEM, path)
    return path


def registry_of(mounts: dict[str, str]) -> RegistryStandIn:
    """The sync app's record, one key per synced folder (MountPoint) with its address (UrlNamespace)."""
    return RegistryStandIn(
        {
            f"{SYNC_KEY}\\{number}+1": {"MountPoint": folder, "UrlNamespace": address}
            for number, (folder, address) in enumerate(mounts.items())
        }
    )


def test_onedrive_for_business_maps_by_its_variable_alone(pc, monkeypatch):
    root = pc / "OneDrive - Gemeente Voorbeeld"
    file = synced(root, "Plannen", "plan.xlsm")
    monkeypatch.setenv("OneDriveCommercial", str(root))
    address = "https://gemeente-my.sharepoint.com/personal/jan_gemeente_be/Documents/Plannen/plan.xlsm"
    assert xlwings_local_path(address, {}) == str(file)


def test_a_whole_library_gedeelde_documenten_maps_by_the_sync_record(pc, monkeypatch):
    """The library synced as a whole: its folder 'Integratie - Documenten' is in the registry with its address."""
    folder = pc / "Gemeente Voorbeeld" / "Integratie - Documenten"
    file = synced(folder, "Plan", "plan.xlsm")
    monkeypatch.setenv("OneDriveCommercial", str(pc / "OneDrive - Gemeente Voorbeeld"))
    namespace = f"{SITE}/Gedeelde documenten/"
    monkeypatch.setattr(xlwings.utils, "get_url_to_mount", lambda: {namespace: str(folder)})
    address = f"{SITE}/Gedeelde documenten/Plan/plan.xlsm"
    assert xlwings_local_path(address, {}) == str(file)
    assert synced_file(address, [Mount(namespace, folder)]) == file


def test_without_the_sync_record_xlwings_looks_for_site_documents_in_english(pc, monkeypatch):
    """xlwings tries '<Site> - Documents' (English) and then searches for the file name under one folder: for a
    Dutch '<Site> - Documenten' only that search finds it, and only while the name is unique."""
    address = f"{SITE}/Gedeelde documenten/plan.xlsm"
    company = pc / "Gemeente Voorbeeld"
    file = synced(company, "Integratie - Documenten", "plan.xlsm")
    with pytest.raises(UnboundLocalError):  # no setting, no variable: xlwings fails on a name of its own
        xlwings_local_path(address, {})
    assert xlwings_local_path(address, {"SHAREPOINT_WIN": str(company)}) == str(file)
    synced(company, "Welzijn - Documenten", "plan.xlsm")  # a second plan.xlsm in another library
    xlwings.utils.fullname_url_to_local_path.cache_clear()
    with pytest.raises(xlwings.XlwingsError, match="unique"):
        xlwings_local_path(address, {"SHAREPOINT_WIN": str(company)})


def test_sharepoint_win_is_passed_over_once_onedrive_for_business_is_set(pc, monkeypatch):
    """With OneDriveCommercial set (every pc with OneDrive for Business) xlwings searches the folder named after
    it, not the one SHAREPOINT_WIN names: the setting helps only for a folder '<Site> - Documents'."""
    elsewhere = pc / "Synchronisatie"
    synced(elsewhere, "Integratie - Documenten", "plan.xlsm")
    monkeypatch.setenv("OneDriveCommercial", str(pc / "OneDrive - Gemeente Voorbeeld"))
    (pc / "Gemeente Voorbeeld").mkdir()
    address = f"{SITE}/Gedeelde documenten/plan.xlsm"
    with pytest.raises(xlwings.XlwingsError):
        xlwings_local_path(address, {"SHAREPOINT_WIN": str(elsewhere)})
    english = synced(elsewhere, "Integratie - Documents", "plan.xlsm")
    xlwings.utils.fullname_url_to_local_path.cache_clear()
    assert xlwings_local_path(address, {"SHAREPOINT_WIN": str(elsewhere)}) == str(english)


def test_several_synced_channel_folders_xlwings_keeps_one_planrapport_all(pc, monkeypatch):
    """Two channel folders of one team share the library's address; xlwings' record keeps only the last one."""
    company = pc / "Gemeente Voorbeeld"
    general, youth = company / "Integratie - Algemeen", company / "Integratie - Jeugd"
    file = synced(general, "plan.xlsm")
    synced(youth, "jeugdplan.xlsm")
    namespace = f"{SITE}/Gedeelde documenten/"
    monkeypatch.setenv("OneDriveCommercial", str(pc / "OneDrive - Gemeente Voorbeeld"))
    monkeypatch.setattr(xlwings.utils, "get_url_to_mount", lambda: {namespace: str(youth)})
    address = f"{SITE}/Gedeelde documenten/Algemeen/plan.xlsm"
    with pytest.raises(xlwings.XlwingsError):
        xlwings_local_path(address, {"SHAREPOINT_WIN": str(company)})
    registry = registry_of({str(general): namespace, str(youth): namespace})
    assert sync_mounts(registry) == [Mount(namespace, general), Mount(namespace, youth)]
    assert synced_file(address, sync_mounts(registry)) == file
    assert (
        synced_file(f"{SITE}/Gedeelde%20documenten/Jeugd/jeugdplan.xlsm?web=1", sync_mounts(registry))
        == youth / "jeugdplan.xlsm"
    )
    place = place_of(address, lambda: xlwings_local_path(address, {}), registry)
    assert (place.path, place.synced) == (file, True)

    line = onedrive_line(file, registry, lambda url: xlwings_local_path(url, {}))
    assert (line.state, line.detail) == (
        "OK",
        f"{address} (zo kent Excel het werkboek): planrapport vindt {file} terug, xlwings niet",
    )


def test_a_workbook_with_no_copy_on_this_pc_gets_the_local_folder(pc):
    address = f"{SITE}/Gedeelde documenten/Plan/Waregem%202024.xlsm"
    place = place_of(address, lambda: xlwings_local_path(address, {}), RegistryStandIn())
    assert (place.path, place.synced) == (
        pc / "Documents" / "planrapport" / "Waregem 2024" / "Waregem 2024.xlsm",
        False,
    )
    assert place_of(r"C:\Plannen\plan.xlsm", lambda: "", RegistryStandIn()) is None


def test_the_buttons_work_on_a_workbook_only_online(pc, tmp_path):
    address = f"{SITE}/Gedeelde documenten/{WAREGEM.name}"
    place = place_of(address, lambda: xlwings_local_path(address, {}), RegistryStandIn())
    folder = pc / "Documents" / "planrapport" / WAREGEM.stem
    book = StandInBook(WAREGEM, saved=False)
    online = PlacedBook(book, place)
    assert press(run_check, online).ok
    assert "Controle klaar" in book.messages[-1][0] and "OneDrive" not in book.messages[-1][0]

    outcome = press(run_year_report, online)
    assert outcome.ok, outcome.message
    document = outcome.document
    assert document.parent == folder and document.is_file()
    assert book.opened == [folder, document]  # Word comes last, on top
    assert book.messages[-1][0].startswith(f"Het jaarrapport is klaar: {document.name}, in de map {folder}.")
    assert book.messages[-1][0].endswith(
        f"Het werkboek staat op OneDrive of SharePoint ({address}) en planrapport vindt er geen kopie van op deze pc. "
        f"Daarom staat wat planrapport maakt in de map Documenten\\planrapport\\{WAREGEM.stem} ({folder}). Wilt u "
        "het naast het werkboek, open het werkboek dan vanuit de gesynchroniseerde map in Verkenner; zie "
        "docs/installatie.md, 'Het werkboek staat op OneDrive of SharePoint'."
    )
    assert "https" not in book.messages[-1][0].split("\n\n")[0]


def test_the_self_test_on_a_onedrive_folder_the_record_does_not_name_is_onbekend(pc, monkeypatch):
    root = pc / "OneDrive - Gemeente Voorbeeld"
    file = synced(root, "Plannen", "plan.xlsm")
    monkeypatch.setenv("OneDriveCommercial", str(root))
    line = onedrive_line(file, RegistryStandIn(), lambda url: xlwings_local_path(url, {}))
    assert (line.state, line.detail, line.fix) == (
        "ONBEKEND",
        f"{file} staat in de OneDrive-map {root}, maar geen van de 0 gesynchroniseerde mappen in het "
        f"register ({SYNC_KEY}) bevat het werkboek",
        "klik in het werkboek op Controleer en daarna op Genereer jaarrapport: de melding zegt waar het document staat",
    )
    namespace = "https://gemeente-my.sharepoint.com/personal/jan_gemeente_be/Documents/"
    line = onedrive_line(file, registry_of({str(root): namespace}), lambda url: xlwings_local_path(url, {}))
    assert (line.state, line.detail) == (
        "OK",
        f"{namespace}Plannen/plan.xlsm (zo kent Excel het werkboek): xlwings vindt {file} terug",
    )
