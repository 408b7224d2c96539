// Invented demo content for the development seed – all towns' events, people and figures are fictional.

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export type DemoBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'quote'; text: string; attribution?: string };

export interface DemoStory {
  section: string; // a DemoSection slug
  format: 'news' | 'report' | 'interview';
  kicker: string; // short overline, e.g. "Arnsberg"
  headline: string;
  teaser: string; // 1-2 sentences, within the default content profile's teaser limit
  body: DemoBlock[]; // 4-7 blocks
  series?: string; // optional series name
  tags: string[]; // 2-4 tags
  image: { alt: string; caption: string; credit: string; hue: number }; // hue 0-359 for a generated gradient picture
  publishedHoursAgo: number; // spread over the last ~10 days, all different
}

export const DEMO_SECTIONS: DemoSection[] = [
  {
    slug: 'smart-city',
    name: 'Smart City',
    description:
      'Vernetzte Stadtentwicklung, Sensorik, Mobilität und urbane Daten im kommunalen Alltag.',
  },
  {
    slug: 'egovernment',
    name: 'eGovernment',
    description:
      'Digitale Verwaltungsleistungen, OZG-Umsetzung, Registermodernisierung und Bürgerportale.',
  },
  {
    slug: 'it-infrastruktur',
    name: 'IT-Infrastruktur',
    description: 'Rechenzentren, Netze, IT-Sicherheit und Cloud-Betrieb für die öffentliche Hand.',
  },
];

export const DEMO_STORIES: DemoStory[] = [
  // ── Smart City ──────────────────────────────────────────────────────────
  {
    section: 'smart-city',
    format: 'news',
    kicker: 'Arnsberg',
    headline: 'Smarte Abfallbehälter melden ihren Füllstand',
    teaser:
      'In der Arnsberger Innenstadt funken 80 öffentliche Abfallbehälter ihren Füllstand an den Betriebshof. Die Stadt will so Leerfahrten vermeiden und die Touren flexibler planen.',
    body: [
      {
        type: 'paragraph',
        text: 'Seit Anfang des Monats sind 80 Abfallbehälter in Fußgängerzone und Parks mit Ultraschallsensoren ausgestattet. Die Sensoren messen mehrmals täglich den Füllstand und übertragen die Werte über ein stromsparendes Funknetz. Auf einer Karte sieht der Betriebshof, welche Behälter geleert werden müssen.',
      },
      { type: 'heading', text: 'Weniger Leerfahrten, sauberere Plätze' },
      {
        type: 'paragraph',
        text: 'Bislang fuhren die Teams jede Station nach festem Plan an – ob voll oder nicht. Künftig sollen die Touren täglich neu berechnet werden. Die Stadt rechnet mit rund einem Fünftel weniger Fahrten im Jahr.',
      },
      {
        type: 'quote',
        text: 'Wir leeren jetzt dort, wo es nötig ist, und nicht dort, wo es der Plan vorsieht.',
        attribution: 'Jonas Beispielmann, Leiter des Betriebshofs',
      },
      {
        type: 'paragraph',
        text: 'Die Pilotphase läuft zunächst zwölf Monate. Danach will der Rat entscheiden, ob weitere Stadtteile folgen. Die erhobenen Daten sollen anonymisiert im Open-Data-Portal der Stadt erscheinen.',
      },
    ],
    tags: ['Abfallwirtschaft', 'Sensorik', 'LoRaWAN'],
    image: {
      alt: 'Öffentlicher Abfallbehälter mit kleinem Sensormodul am Deckel in einer Fußgängerzone',
      caption: 'Ein Sensor im Deckel misst, wie voll der Behälter ist.',
      credit: 'Bild: Newsdesk-Demo/Max Muster',
      hue: 140,
    },
    publishedHoursAgo: 3,
  },
  {
    section: 'smart-city',
    format: 'report',
    kicker: 'Heilbronn',
    headline: 'Digitaler Zwilling soll das Straßenmanagement der Großstadt vereinfachen',
    teaser:
      'Baustellen, Leitungen, Verkehrszeichen: Heilbronn führt seine Straßendaten in einem 3D-Stadtmodell zusammen. Ein Besuch bei dem Team, das Planungen künftig am Bildschirm abstimmen will.',
    body: [
      {
        type: 'paragraph',
        text: 'Wer in Heilbronn eine Straße aufreißen will, muss bislang bei bis zu einem Dutzend Stellen anfragen. Tiefbauamt, Stadtwerke und Verkehrsbehörde pflegen eigene Pläne, oft in unterschiedlichen Formaten. Ein digitaler Zwilling soll diese Daten nun an einem Ort zusammenführen.',
      },
      { type: 'heading', text: 'Vom Leitungsplan zum 3D-Modell' },
      {
        type: 'paragraph',
        text: 'Grundlage ist ein dreidimensionales Stadtmodell, das aus Befliegungen und Katasterdaten entsteht. Darauf legt das Projektteam Schicht für Schicht Leitungen, Beschilderung und geplante Baustellen. Konflikte zwischen zwei Vorhaben sollen so auffallen, bevor der erste Bagger anrückt.',
      },
      {
        type: 'quote',
        text: 'Der größte Aufwand steckt nicht in der Technik, sondern darin, dass alle Ämter ihre Daten teilen.',
        attribution: 'Lena Musterfrau, Projektleiterin Digitaler Zwilling',
      },
      { type: 'heading', text: 'Offene Standards als Bedingung' },
      {
        type: 'paragraph',
        text: 'Die Stadt setzt auf offene Datenformate, damit das Modell nicht an einen einzelnen Anbieter gebunden ist. Andere Kommunen in der Region haben bereits Interesse angemeldet. Ein erster Ausbauschritt soll bis Ende des kommenden Jahres abgeschlossen sein.',
      },
    ],
    series: 'Digitale Kommune',
    tags: ['Digitaler Zwilling', 'Stadtplanung', 'Geodaten'],
    image: {
      alt: 'Bildschirm mit einem dreidimensionalen Stadtmodell, in dem Straßen farbig markiert sind',
      caption: 'Im 3D-Modell werden Baustellen und Leitungen übereinandergelegt.',
      credit: 'Bild: Newsdesk-Demo/Erika Beispiel',
      hue: 210,
    },
    publishedHoursAgo: 27,
  },
  {
    section: 'smart-city',
    format: 'interview',
    kicker: 'Ulm',
    headline: '„Ohne offene Daten bleibt die Smart City ein Schaufenster“',
    teaser:
      'Dr. Petra Platzhalter verantwortet in Ulm die Smart-City-Strategie. Im Gespräch erklärt sie, warum Pilotprojekte allein nicht reichen und was kleinere Kommunen daraus lernen können.',
    body: [
      {
        type: 'paragraph',
        text: 'Viele Kommunen haben in den vergangenen Jahren Sensoren verteilt und Apps gestartet. Doch nur wenige Projekte haben den Sprung in den Regelbetrieb geschafft. Wir haben mit Dr. Petra Platzhalter über Daten, Personal und Geduld gesprochen.',
      },
      {
        type: 'heading',
        text: 'Frau Platzhalter, woran scheitern Smart-City-Projekte am häufigsten?',
      },
      {
        type: 'quote',
        text: 'Selten an der Technik. Meistens fehlt nach dem Förderzeitraum das Geld für den Betrieb, oder die Daten bleiben in einer Fachanwendung eingeschlossen. Dann hat man ein schönes Schaufenster, aber keinen Nutzen für die Verwaltung.',
        attribution: 'Dr. Petra Platzhalter',
      },
      { type: 'heading', text: 'Was machen Sie anders?' },
      {
        type: 'quote',
        text: 'Wir planen jedes Projekt von Anfang an mit einer offenen Datenschnittstelle. Was wir messen, landet auf unserer urbanen Datenplattform und steht auch Hochschulen und Start-ups zur Verfügung. Außerdem klären wir vorher, welches Amt die Lösung später betreibt.',
        attribution: 'Dr. Petra Platzhalter',
      },
      { type: 'heading', text: 'Und Ihr Rat an kleinere Kommunen?' },
      {
        type: 'quote',
        text: 'Kooperieren Sie. Niemand muss eine eigene Plattform bauen, wenn es im Landkreis oder im Zweckverband schon eine gibt.',
        attribution: 'Dr. Petra Platzhalter',
      },
    ],
    tags: ['Interview', 'Open Data', 'Strategie'],
    image: {
      alt: 'Porträt einer Frau mit Brille vor einer Glasfassade',
      caption: 'Dr. Petra Platzhalter setzt auf offene Schnittstellen.',
      credit: 'Bild: Newsdesk-Demo/Max Muster',
      hue: 280,
    },
    publishedHoursAgo: 51,
  },
  {
    section: 'smart-city',
    format: 'news',
    kicker: 'Lüneburg',
    headline: 'Parksensoren in Lüneburg zeigen freie Plätze in Echtzeit',
    teaser:
      'Auf drei Parkplätzen am Rand der Altstadt erfassen Bodensensoren, ob ein Stellplatz belegt ist. Autofahrende sehen die freien Plätze auf einer Karte im Web – ganz ohne App.',
    body: [
      {
        type: 'paragraph',
        text: 'Die Stadt hat rund 350 Bodensensoren in die Stellplätze eingelassen. Sie erkennen per Magnetfeld, ob ein Fahrzeug darübersteht. Die Daten laufen über das städtische Funknetz auf eine Webkarte.',
      },
      {
        type: 'paragraph',
        text: 'Ziel ist weniger Parksuchverkehr in den engen Gassen der Altstadt. Nach Schätzungen der Verkehrsplanung entfällt dort ein spürbarer Teil des Verkehrs auf die Suche nach einem Stellplatz. Belastbare Zahlen soll eine Begleituntersuchung liefern.',
      },
      { type: 'heading', text: 'Datenschutz von Anfang an' },
      {
        type: 'paragraph',
        text: 'Kennzeichen oder Bilder werden nicht erfasst, betont die Stadtverwaltung. Die Sensoren melden ausschließlich „frei“ oder „belegt“. Die Belegungsdaten stehen zusätzlich als offener Datensatz bereit.',
      },
    ],
    tags: ['Mobilität', 'Parken', 'Open Data'],
    image: {
      alt: 'Parkplatz mit kleinen runden Sensoren im Asphalt der Stellflächen',
      caption: 'Die Sensoren sitzen bündig im Asphalt jedes Stellplatzes.',
      credit: 'Bild: Newsdesk-Demo/Erika Beispiel',
      hue: 30,
    },
    publishedHoursAgo: 98,
  },
  {
    section: 'smart-city',
    format: 'report',
    kicker: 'Görlitz',
    headline: 'Wie Sensoren die Stadtbäume vor dem Austrocknen schützen',
    teaser:
      'Heiße Sommer setzen den Straßenbäumen zu. In Görlitz messen Sensoren die Feuchte im Wurzelraum – und das Grünflächenamt gießt nur noch dort, wo es wirklich nötig ist.',
    body: [
      {
        type: 'paragraph',
        text: 'Mehrere trockene Sommer in Folge haben in vielen Städten Spuren hinterlassen. Auch in Görlitz mussten Jungbäume gefällt werden, die den Hitzestress nicht überstanden hatten. Seit dem Frühjahr hilft nun ein Netz aus Bodenfeuchtesensoren bei der Pflege.',
      },
      { type: 'heading', text: 'Messung in drei Tiefen' },
      {
        type: 'paragraph',
        text: 'An 120 Bäumen stecken Sonden, die die Feuchte in 30, 60 und 90 Zentimetern Tiefe messen. Die Werte werden stündlich übertragen und als Ampel dargestellt. Leuchtet ein Baum rot, rückt das Gießfahrzeug aus.',
      },
      {
        type: 'quote',
        text: 'Früher haben wir nach Kalender gegossen. Heute wissen wir, welcher Baum Durst hat.',
        attribution: 'Tobias Testmann, Grünflächenamt',
      },
      { type: 'heading', text: 'Bürgerinnen und Bürger gießen mit' },
      {
        type: 'paragraph',
        text: 'Über eine Webseite können Anwohnende eine Baumpatenschaft übernehmen. Sie sehen, wann ihr Baum Wasser braucht, und tragen ein, wenn sie gegossen haben. So vermeidet das Amt doppelte Einsätze.',
      },
    ],
    series: 'Digitale Kommune',
    tags: ['Klimaanpassung', 'Sensorik', 'Stadtgrün'],
    image: {
      alt: 'Junger Straßenbaum mit einer Messsonde im Boden und einem Gießring',
      caption: 'Die Sonden messen die Bodenfeuchte in drei Tiefen.',
      credit: 'Bild: Newsdesk-Demo/Max Muster',
      hue: 100,
    },
    publishedHoursAgo: 170,
  },

  // ── eGovernment ─────────────────────────────────────────────────────────
  {
    section: 'egovernment',
    format: 'news',
    kicker: 'Landkreis Göttingen',
    headline: 'Digitaler Bauantrag: Landkreis zieht nach einem Jahr Bilanz',
    teaser:
      'Seit einem Jahr nimmt die Bauaufsicht Anträge ausschließlich digital entgegen. Die Bearbeitungszeit ist gesunken, doch bei kleineren Planungsbüros gibt es noch Nachholbedarf.',
    body: [
      {
        type: 'paragraph',
        text: 'Über 1.400 Bauanträge sind im ersten Jahr über das Onlineportal eingegangen. Papierakten legt die Bauaufsicht für neue Verfahren nicht mehr an. Fachstellen wie Denkmalschutz oder Brandschutz werden digital beteiligt.',
      },
      { type: 'heading', text: 'Schneller, aber nicht für alle einfacher' },
      {
        type: 'paragraph',
        text: 'Im Schnitt dauerte ein Verfahren drei Wochen weniger als im Vorjahr. Vor allem die Beteiligung anderer Stellen geht deutlich schneller. Kleinere Planungsbüros berichten dagegen, dass das Hochladen großer Pläne anfangs Probleme bereitete.',
      },
      {
        type: 'quote',
        text: 'Wir haben gemerkt, dass Schulungen genauso wichtig sind wie die Software.',
        attribution: 'Martina Mustermann, Leiterin der Bauaufsicht',
      },
      {
        type: 'paragraph',
        text: 'Im kommenden Jahr sollen auch Abbruchanzeigen und Nutzungsänderungen online möglich sein. Zusätzlich plant der Landkreis Sprechstunden für Bauherrinnen und Bauherren ohne eigenes Planungsbüro.',
      },
    ],
    tags: ['Bauantrag', 'OZG', 'Digitale Verwaltung'],
    image: {
      alt: 'Laptop mit geöffnetem Bauplan auf einem Schreibtisch in einer Behörde',
      caption: 'Bauanträge gehen im Landkreis nur noch digital ein.',
      credit: 'Bild: Newsdesk-Demo/Erika Beispiel',
      hue: 190,
    },
    publishedHoursAgo: 9,
  },
  {
    section: 'egovernment',
    format: 'interview',
    kicker: 'Kassel',
    headline: '„Wir müssen Verwaltungsleistungen vom Menschen her denken“',
    teaser:
      'Kai Beispielhaus leitet in Kassel das Team für digitale Verwaltungsleistungen. Ein Gespräch über Nutzertests im Bürgerbüro, verständliche Formulare und den Mut, Abläufe neu zu denken.',
    body: [
      {
        type: 'paragraph',
        text: 'Viele Onlinedienste bilden einfach das Papierformular nach. Kai Beispielhaus will das ändern. Mit seinem Team testet er neue Angebote direkt mit Bürgerinnen und Bürgern, bevor sie live gehen.',
      },
      { type: 'heading', text: 'Herr Beispielhaus, was ist an vielen Onlineformularen falsch?' },
      {
        type: 'quote',
        text: 'Sie fragen Dinge ab, die die Verwaltung längst weiß, und sie sprechen Amtsdeutsch. Wer einen Antrag nicht versteht, ruft an oder kommt doch ins Bürgerbüro – dann ist nichts gewonnen.',
        attribution: 'Kai Beispielhaus',
      },
      { type: 'heading', text: 'Wie sieht ein Nutzertest bei Ihnen aus?' },
      {
        type: 'quote',
        text: 'Wir setzen uns mit einem Prototyp ins Foyer und bitten Wartende, ihn auszuprobieren. Nach zehn Gesprächen wissen wir meist genau, wo es hakt. Das kostet wenig und spart später viel Ärger.',
        attribution: 'Kai Beispielhaus',
      },
      { type: 'heading', text: 'Was wünschen Sie sich von Bund und Ländern?' },
      {
        type: 'quote',
        text: 'Verlässliche Schnittstellen und weniger Insellösungen. Wir Kommunen sollten uns auf die Gestaltung der Leistungen konzentrieren können, nicht auf das Zusammenstecken von Technik.',
        attribution: 'Kai Beispielhaus',
      },
    ],
    tags: ['Interview', 'Nutzerzentrierung', 'Onlinedienste'],
    image: {
      alt: 'Mann im Gespräch mit einer Bürgerin, die ein Tablet in der Hand hält',
      caption: 'Kai Beispielhaus testet neue Onlinedienste direkt im Bürgerbüro.',
      credit: 'Bild: Newsdesk-Demo/Max Muster',
      hue: 330,
    },
    publishedHoursAgo: 75,
  },
  {
    section: 'egovernment',
    format: 'report',
    kicker: 'Jena',
    headline: 'Once-Only in der Praxis: Wenn Ämter Nachweise selbst abrufen',
    teaser:
      'Geburtsurkunde, Meldebescheinigung, Einkommensnachweis: Jena testet, wie Behörden Nachweise untereinander austauschen. Für Antragstellende entfällt damit der Gang zu mehreren Ämtern.',
    body: [
      {
        type: 'paragraph',
        text: 'Wer Elterngeld beantragt, braucht bislang eine ganze Mappe an Dokumenten. Viele davon liegen bereits bei einer anderen Behörde vor. Genau hier setzt das Once-Only-Prinzip an: Daten sollen nur einmal angegeben werden müssen.',
      },
      { type: 'heading', text: 'Zustimmung bleibt Pflicht' },
      {
        type: 'paragraph',
        text: 'In Jena können Antragstellende im Onlineformular auswählen, dass die Stadt bestimmte Nachweise selbst abruft. Ohne ausdrückliche Einwilligung fließen keine Daten. Über ein Datencockpit lässt sich später nachvollziehen, welche Stelle was abgefragt hat.',
      },
      {
        type: 'quote',
        text: 'Am Anfang waren viele skeptisch. Inzwischen wählt die große Mehrheit den automatischen Abruf.',
        attribution: 'Sabine Beispielfrau, Fachdienst Familie',
      },
      { type: 'heading', text: 'Noch viele Baustellen' },
      {
        type: 'paragraph',
        text: 'Nicht alle Register sind bereits angebunden, und manche Nachweise liegen nur als Scan vor. Das Projektteam führt eine Liste der Lücken und meldet sie an das Land. Bis alle Leistungen profitieren, dürften noch einige Jahre vergehen.',
      },
    ],
    series: 'Verwaltung digital',
    tags: ['Once-Only', 'Registermodernisierung', 'Familienleistungen'],
    image: {
      alt: 'Frau füllt an einem Tablet ein Onlineformular aus, daneben ein Stapel Papierdokumente',
      caption: 'Statt Papierstapel: Nachweise werden mit Einwilligung digital abgerufen.',
      credit: 'Bild: Newsdesk-Demo/Erika Beispiel',
      hue: 250,
    },
    publishedHoursAgo: 122,
  },
  {
    section: 'egovernment',
    format: 'news',
    kicker: 'Würzburg',
    headline: 'Umzug in fünf Minuten gemeldet – Würzburg startet digitale Wohnsitzanmeldung',
    teaser:
      'Wer innerhalb Deutschlands nach Würzburg zieht, kann sich jetzt online anmelden. Nötig sind ein Personalausweis mit Onlinefunktion und ein Smartphone.',
    body: [
      {
        type: 'paragraph',
        text: 'Der neue Dienst ist seit Montag im Serviceportal der Stadt erreichbar. Die Identifizierung erfolgt über die Onlineausweisfunktion. Die Adresse auf dem Ausweis wird anschließend per Post aktualisiert.',
      },
      {
        type: 'paragraph',
        text: 'Das Bürgeramt erhofft sich kürzere Wartezeiten am Schalter. Gerade zu Semesterbeginn ist der Andrang groß. Termine vor Ort bleiben aber weiterhin möglich.',
      },
      { type: 'heading', text: 'Erste Erfahrungen positiv' },
      {
        type: 'paragraph',
        text: 'In der ersten Woche nutzten bereits mehrere Hundert Menschen das Angebot. Rückfragen gab es vor allem zur PIN des Ausweises. Die Stadt hat dazu eine Schritt-für-Schritt-Anleitung veröffentlicht.',
      },
    ],
    tags: ['Meldewesen', 'Onlineausweis', 'Bürgerservice'],
    image: {
      alt: 'Smartphone neben einem Personalausweis auf einem Tisch mit Umzugskartons',
      caption: 'Die Anmeldung klappt mit Smartphone und Onlineausweis.',
      credit: 'Bild: Newsdesk-Demo/Max Muster',
      hue: 50,
    },
    publishedHoursAgo: 196,
  },

  // ── IT-Infrastruktur ────────────────────────────────────────────────────
  {
    section: 'it-infrastruktur',
    format: 'news',
    kicker: 'Fürth',
    headline: 'Rechenzentrum wärmt Hallenbad: Kommunaler IT-Dienstleister nutzt Abwärme',
    teaser:
      'Die Server eines kommunalen Rechenzentrums heizen künftig das benachbarte Hallenbad. Das Projekt soll jährlich mehrere Hundert Tonnen CO₂ einsparen.',
    body: [
      {
        type: 'paragraph',
        text: 'Bislang wurde die Wärme aus dem Serverraum über Rückkühler an die Umgebung abgegeben. Künftig fließt sie über eine Wärmepumpe in das Heizungsnetz des Bads nebenan. Die Leitung ist gerade einmal 200 Meter lang.',
      },
      { type: 'heading', text: 'Wärmepumpe hebt die Temperatur' },
      {
        type: 'paragraph',
        text: 'Das Kühlwasser verlässt die Serverräume mit etwa 30 Grad. Eine Großwärmepumpe bringt es auf die Temperatur, die das Bad für Becken und Duschen braucht. Im Sommer soll überschüssige Wärme zusätzlich in einen Pufferspeicher fließen.',
      },
      {
        type: 'quote',
        text: 'Energie, die wir ohnehin verbrauchen, zweimal zu nutzen, ist für uns der naheliegende Schritt.',
        attribution: 'Frank Fiktiv, Geschäftsführer des IT-Dienstleisters',
      },
      {
        type: 'paragraph',
        text: 'Die Investition wird zum Teil aus Fördermitteln finanziert. Der Betrieb soll im Herbst starten. Weitere Abnehmer in der Nachbarschaft werden bereits geprüft.',
      },
    ],
    tags: ['Rechenzentrum', 'Energieeffizienz', 'Nachhaltigkeit'],
    image: {
      alt: 'Serverschränke in einem Rechenzentrum, im Vordergrund isolierte Wasserrohre',
      caption: 'Über diese Leitungen gelangt die Abwärme ins benachbarte Hallenbad.',
      credit: 'Bild: Newsdesk-Demo/Erika Beispiel',
      hue: 10,
    },
    publishedHoursAgo: 15,
  },
  {
    section: 'it-infrastruktur',
    format: 'report',
    kicker: 'Landkreis Emsland',
    headline: 'Großübung im Kreishaus: Wenn plötzlich alle Bildschirme schwarz bleiben',
    teaser:
      'Ein simulierter Cyberangriff legt die Kreisverwaltung lahm – zumindest für einen Tag. Wir haben die Notfallübung begleitet und gesehen, was auf dem Papier funktioniert und was nicht.',
    body: [
      {
        type: 'paragraph',
        text: 'Es ist kurz nach acht, als die Meldung eintrifft: Die Server sind verschlüsselt, nichts geht mehr. Was nach Ernstfall klingt, ist eine angekündigte Übung. Rund 60 Beschäftigte aus IT, Ordnungsamt und Verwaltungsspitze spielen einen Tag lang den Ausfall durch.',
      },
      { type: 'heading', text: 'Notfallhandbuch auf Papier' },
      {
        type: 'paragraph',
        text: 'Als Erstes greift der Krisenstab zum gedruckten Notfallhandbuch. Telefonlisten, Zuständigkeiten und Meldewege stehen darin – bewusst nicht nur digital. Schnell zeigt sich, dass einige Nummern veraltet sind.',
      },
      {
        type: 'quote',
        text: 'Genau dafür üben wir. Lieber finden wir die Lücken heute als im Ernstfall.',
        attribution: 'Dirk Dummy, Informationssicherheitsbeauftragter',
      },
      { type: 'heading', text: 'Welche Leistungen müssen zuerst laufen?' },
      {
        type: 'paragraph',
        text: 'Eine zentrale Frage lautet, welche Dienste zuerst wiederhergestellt werden. Auszahlungen von Sozialleistungen und die Kfz-Zulassung stehen oben auf der Liste. Die Ergebnisse fließen nun in einen überarbeiteten Wiederanlaufplan ein.',
      },
    ],
    series: 'Cyber-Resilienz',
    tags: ['IT-Sicherheit', 'Notfallmanagement', 'Übung'],
    image: {
      alt: 'Menschen an einem Besprechungstisch mit ausgedruckten Plänen und einem Whiteboard',
      caption: 'Der Krisenstab arbeitet während der Übung mit Papier und Whiteboard.',
      credit: 'Bild: Newsdesk-Demo/Max Muster',
      hue: 0,
    },
    publishedHoursAgo: 143,
  },
  {
    section: 'it-infrastruktur',
    format: 'news',
    kicker: 'Rostock',
    headline: 'Glasfaser für alle Schulen: Rostock schließt die letzten Lücken',
    teaser:
      'Bis zum Sommer sollen alle kommunalen Schulen mit mindestens einem Gigabit pro Sekunde angebunden sein. Die Stadt baut dafür ein eigenes Schulnetz mit zentralem Support auf.',
    body: [
      {
        type: 'paragraph',
        text: 'Von den rund 60 Schulen in städtischer Trägerschaft sind bereits die meisten ans Glasfasernetz angeschlossen. Für die letzten Standorte laufen derzeit die Tiefbauarbeiten. Einige Gebäude liegen am Stadtrand und erfordern längere Trassen.',
      },
      { type: 'heading', text: 'WLAN in jedem Klassenraum' },
      {
        type: 'paragraph',
        text: 'Mit dem Anschluss allein ist es nicht getan. Parallel werden die Gebäude mit flächendeckendem WLAN ausgestattet. Ein zentrales Team betreut das Netz, damit sich Lehrkräfte nicht um Technik kümmern müssen.',
      },
      {
        type: 'quote',
        text: 'Schnelles Internet bis zur Schultür hilft wenig, wenn es im Klassenzimmer nicht ankommt.',
        attribution: 'Nina Exempel, Schulverwaltungsamt',
      },
      {
        type: 'paragraph',
        text: 'Die Kosten tragen Stadt, Land und Bund gemeinsam. Für den laufenden Betrieb hat die Bürgerschaft zusätzliche Stellen bewilligt.',
      },
    ],
    tags: ['Breitband', 'Schulen', 'Glasfaser'],
    image: {
      alt: 'Bauarbeiter verlegt orangefarbene Leerrohre für Glasfaser vor einem Schulgebäude',
      caption: 'Für die letzten Schulen laufen noch die Tiefbauarbeiten.',
      credit: 'Bild: Newsdesk-Demo/Erika Beispiel',
      hue: 20,
    },
    publishedHoursAgo: 228,
  },
];
