; Inno Setup 6 script for Mediation Kit: a per-user install that needs no administrator rights.
;
; Built by `python installer/build.py` on Windows, which passes the values below with /D:
;   iscc /DAppVersion=0.1.0 /DAppId=org.mediationkit.MediationKit /DAppName="Mediation Kit"
;        /DBundleDir=build\release\dist\mediation-kit /DOutputDir=dist
;        /DIconFile=installer\icons\mediation-kit.ico installer\windows\mediation-kit.iss
;
; Installs into %LOCALAPPDATA%\Programs\Mediation Kit, adds a Start-menu entry (and, if asked,
; a desktop shortcut) and an uninstaller listed in "Apps & features" for this user only.
;
; Silent install, for IT staff deploying many PCs (run as each user, or from a logon script):
;   mediation-kit-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;     /VERYSILENT         no window at all (/SILENT shows only the progress)
;     /SUPPRESSMSGBOXES   answers message boxes with their default
;     /NORESTART          never restarts the PC
;     /DIR="X:\path"      installs elsewhere (a folder the user can write)
;     /TASKS="desktopicon"  also puts a shortcut on the desktop
;     /LANG=fr            language of the installer's own pages (fr, en, de)
;     /LOG="C:\path\setup.log"  writes a log of the install
; Silent uninstall:
;   "%LOCALAPPDATA%\Programs\Mediation Kit\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The user's settings, plans and caches (in %LOCALAPPDATA%\mediation-kit) are kept on uninstall.
;
; Workshop plans (.mkplan) open with the kit: a per-user file association (HKCU\Software\Classes,
; no administrator rights), removed on uninstall.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppId
  #define AppId "org.mediationkit.MediationKit"
#endif
#ifndef AppName
  #define AppName "Mediation Kit"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\release\dist\mediation-kit"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\icons\mediation-kit.ico"
#endif

[Setup]
; AppId must never change between versions: it is how an update finds the installed copy.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Mediation Kit contributors
; Per user, no administrator rights, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\MediationKit.exe
SetupIconFile={#IconFile}
OutputDir={#OutputDir}
OutputBaseFilename=mediation-kit-{#AppVersion}-windows-x64-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Explorer refreshes its file types (the .mkplan association) after install and uninstall.
ChangesAssociations=yes
; No network at install time either: nothing is downloaded.

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the bundle whole: no stale library from an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\MediationKit.exe"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\MediationKit.exe"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER in this per-user install.
Root: HKA; Subkey: "Software\Classes\.mkplan"; ValueType: string; ValueName: ""; ValueData: "MediationKit.Plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.mkplan"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-mediation-kit-plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.mkplan\OpenWithProgids"; ValueType: string; ValueName: "MediationKit.Plan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\MediationKit.Plan"; ValueType: string; ValueName: ""; ValueData: "{#AppName} workshop plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\MediationKit.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\MediationKit.exe,0"
Root: HKA; Subkey: "Software\Classes\MediationKit.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\MediationKit.exe"" ""%1"""

[Run]
Filename: "{app}\MediationKit.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
