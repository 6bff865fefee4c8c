; Inno Setup 6 script: the Windows installer for the one-folder bundle dist\briefpack\.
;
; Build on Windows from the repository root, after `pyinstaller --noconfirm packaging\briefpack.spec`:
;   iscc /DAppVersion=0.1.0 packaging\windows\briefpack.iss
; (the version is briefpack.__version__; `python -c "import briefpack; print(briefpack.__version__)"`).
; The installer lands in dist\. It installs per user by default (no administrator rights needed),
; adds a Start menu entry, and associates .briefpack project files with the app.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\briefpack.iss
#endif

#define AppName "briefpack"
#define AppExe "briefpack.exe"
#define ProgId "briefpack.Project"

[Setup]
AppId={{6F1C3F0E-2B7A-4C55-9E7D-5B0F1B2A9C41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=briefpack
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\briefpack.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=briefpack-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\briefpack\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\licenses\*"; DestDir: "{app}\licenses"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .briefpack -> briefpack.Project -> "briefpack.exe" "%1" (HKA: per user or machine, as installed)
Root: HKA; Subkey: "Software\Classes\.briefpack"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.briefpack"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-briefpack"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "briefpack project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".briefpack"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
