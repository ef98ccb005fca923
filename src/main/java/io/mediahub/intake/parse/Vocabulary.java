package io.mediahub.intake.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of release names, in guessit's vocabulary. Keys are the words lower-cased with every separator removed,
 * so {@code WEB-DL}, {@code WEB.DL} and {@code WebDL} are one key ({@code webdl}); a key may span several tokens of
 * a name. A "weak" word (a common English word or a two-letter code such as {@code TS}, {@code DC}, {@code HD}) is
 * only read as a property next to another property, never in the middle of a title.
 */
final class Vocabulary {
    /** One property value a word stands for. */
    record Value(String property, Object value) {
    }

    /**
     * Every value a word stands for, and how sure it is: {@link #STRONG} anywhere; {@link #WEAK} next to another
     * property or after the first one; {@link #LATE} only after the first property (languages, "Real", "Proper": words
     * that also make titles); {@link #SERVICE} only next to a source (a streaming service's short name: NF, AMZN, CC).
     */
    record Entry(List<Value> values, int level) {
        boolean weak() {
            return level != STRONG;
        }
    }

    static final int STRONG = 0;
    static final int WEAK = 1;
    static final int LATE = 2;
    static final int SERVICE = 3;

    /** Streaming services written out in a way no title is ("Netflix", "ComedyCentral"): sure anywhere. */
    private static final java.util.Set<String> SURE_SERVICES = java.util.Set.of("netflix", "netflixuhd", "amazonprime", "comedycentral",
            "bbciplayer", "adultswim", "disneyplus", "disney+", "hbomax", "youtubered", "itunes", "ituneshd", "hditunes", "appletv",
            "paramountplus", "paramount+", "crunchyroll", "funimation", "amazonvideo");

    static final Map<String, Entry> WORDS = new HashMap<>();
    /** Words only read when written as one ("Work Print", "div X" are not Workprint, DivX). */
    static final java.util.Set<String> COMPACT_ONLY = java.util.Set.of("workprint", "telecine", "divx", "xvid");
    /** The longest key, in tokens, worth trying. */
    static final int MAX_TOKENS = 4;

    private Vocabulary() {
    }

    static Entry lookup(String key) {
        return WORDS.get(key);
    }

    private static void put(int level, String keys, Object... propertyValues) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < propertyValues.length; i += 2) {
            values.add(new Value((String) propertyValues[i], propertyValues[i + 1]));
        }
        for (String k : keys.split(",")) {
            String key = k.trim().toLowerCase(Locale.ROOT);
            if (!key.isEmpty()) {
                WORDS.put(key, new Entry(List.copyOf(values), level));
            }
        }
    }

    private static void strong(String keys, Object... pv) {
        put(STRONG, keys, pv);
    }

    private static void weak(String keys, Object... pv) {
        put(WEAK, keys, pv);
    }

    private static void late(String keys, Object... pv) {
        put(LATE, keys, pv);
    }

    static {
        // ---- source (with "Rip" and friends in other)
        strong("vhs", "source", "VHS");
        strong("vhsrip", "source", "VHS", "other", "Rip");
        weak("cam", "source", "Camera");
        strong("camrip", "source", "Camera", "other", "Rip");
        strong("hdcam", "source", "HD Camera");
        strong("hdcamrip", "source", "HD Camera", "other", "Rip");
        weak("ts", "source", "Telesync");
        strong("telesync", "source", "Telesync");
        strong("tsrip,telesyncrip", "source", "Telesync", "other", "Rip");
        strong("hdts", "source", "HD Telesync");
        strong("hdtsrip", "source", "HD Telesync", "other", "Rip");
        weak("wp", "source", "Workprint");
        strong("workprint", "source", "Workprint");
        weak("tc", "source", "Telecine");
        strong("telecine", "source", "Telecine");
        strong("tcrip,telecinerip", "source", "Telecine", "other", "Rip");
        strong("hdtc,hdtelecine", "source", "HD Telecine");
        strong("hdtcrip,hdtelecinerip", "source", "HD Telecine", "other", "Rip");
        strong("ppv", "source", "Pay-per-view");
        strong("ppvrip", "source", "Pay-per-view", "other", "Rip");
        strong("sdtv,tvdub", "source", "TV");
        strong("sdtvrip,tvrip,riptv,ripsdtv", "source", "TV", "other", "Rip");
        strong("dvb,pdtv", "source", "Digital TV");
        strong("dvbrip,pdtvrip", "source", "Digital TV", "other", "Rip");
        strong("dvd,dvdr,dvd9,dvd5,videots,dvd-r,ntscdvd,paldvd", "source", "DVD");
        strong("dvdrip,dvdriphd", "source", "DVD", "other", "Rip");
        strong("dvdscr,dvdscreener", "source", "DVD", "other", "Screener");
        strong("dvdmux", "source", "DVD", "other", "Mux");
        strong("hdtv,hdtvmux", "source", "HDTV");
        strong("hdtvrip,tvriphd", "source", "HDTV", "other", "Rip");
        strong("vod", "source", "Video on Demand");
        strong("vodrip", "source", "Video on Demand", "other", "Rip");
        strong("webdl,webhd,webdlmux,dlmux,webmux", "source", "Web");
        strong("webrip,webdlrip,webcap,webcaprip", "source", "Web", "other", "Rip");
        strong("hddvd", "source", "HD-DVD");
        strong("hddvdrip", "source", "HD-DVD", "other", "Rip");
        strong("bluray,bd5,bd9,bd25,bd50,blu-ray,blurray,bluraymux", "source", "Blu-ray");
        weak("bd", "source", "Blu-ray");
        strong("brscr,brscreener", "source", "Blu-ray", "other", List.of("Reencoded", "Screener"));
        strong("brrip", "source", "Blu-ray", "other", List.of("Reencoded", "Rip"));
        strong("blurayrip,bdrip,bdmux", "source", "Blu-ray", "other", "Rip");
        strong("ahdtv", "source", "Analog HDTV");
        strong("dsr,dth", "source", "Satellite");
        strong("dsrip,dsrrip,satrip,dthrip", "source", "Satellite", "other", "Rip");
        strong("uhdtv", "source", "Ultra HDTV");
        strong("uhdrip,uhdtvrip", "source", "Ultra HDTV", "other", "Rip");
        strong("uhdbluray,ultrahdbluray,blurayuhd,blurayultrahd,ultrabluray,blurayultra", "source", "Ultra HD Blu-ray");
        strong("uhdbdrip", "source", "Ultra HD Blu-ray", "other", "Rip");
        weak("dm", "source", "Digital Master");
        strong("dmrip", "source", "Digital Master", "other", "Rip");
        strong("hdrip", "other", List.of("HD", "Rip"));
        strong("webhdrip", "source", "Web", "other", "Rip");
        strong("hdlight", "other", "HD");

        // ---- video codec and profile
        strong("x264,h264,avc,x.264,h.264,mpeg4avc,avchd", "video_codec", "H.264");
        strong("x265,h265,hevc", "video_codec", "H.265");
        strong("xvid", "video_codec", "Xvid");
        strong("divx,dvdivx", "video_codec", "DivX");
        strong("mpeg2,mpeg-2,mpg2,h262,x262", "video_codec", "MPEG-2");
        strong("h263,x263", "video_codec", "H.263");
        strong("vp80", "video_codec", "VP8");
        strong("vc1", "video_codec", "VC-1");
        strong("vp7", "video_codec", "VP7");
        strong("vp8", "video_codec", "VP8");
        strong("vp9", "video_codec", "VP9");
        strong("rv10,rv13,rv20,rv30,rv40,rv60,realvideo", "video_codec", "RealVideo");
        strong("hi10p,hi10", "video_profile", "High 10");
        strong("10bit,10bits", "color_depth", "10-bit");
        strong("8bit,8bits", "color_depth", "8-bit");
        strong("12bit,12bits", "color_depth", "12-bit");

        // ---- audio codec (with channels glued on: DD5.1, AAC2.0, AC3-5.1)
        audio("ac3,dd,dolbydigital,ac3d", "Dolby Digital", null);
        audio("ddp,dd+,eac3,e-ac-3,ddplus,dolbydigitalplus", "Dolby Digital Plus", null);
        audio("dts", "DTS", null);
        audio("dtshd", "DTS-HD", null);
        audio("dtshdma,dtsma", "DTS-HD", "Master Audio");
        audio("dtshr", "DTS-HD", "High Resolution");
        audio("dtses", "DTS", "Extended Surround");
        audio("dtsx", "DTS:X", null);
        audio("truehd", "Dolby TrueHD", null);
        audio("atmos", "Dolby Atmos", null);
        audio("aac", "AAC", null);
        audio("heaac", "AAC", "High Efficiency");
        audio("aaclc", "AAC", "Low Complexity");
        audio("flac", "FLAC", null);
        audio("mp3,lame", "MP3", null);
        audio("mp2", "MP2", null);
        audio("opus", "Opus", null);
        audio("pcm,lpcm", "PCM", null);
        audio("vorbis", "Vorbis", null);
        weak("dolby", "audio_codec", "Dolby Digital");
        strong("51ch,6ch", "audio_channels", "5.1");
        strong("71ch,8ch", "audio_channels", "7.1");
        strong("20ch,2ch,stereo", "audio_channels", "2.0");
        strong("1ch,mono", "audio_channels", "1.0");

        // ---- more release words
        strong("brmux,bdripmux,brripmux", "source", "Blu-ray", "other", List.of("Rip", "Mux"));
        strong("hevc10", "video_codec", "H.265", "color_depth", "10-bit");
        strong("prooffix", "other", "Fix");
        weak("stv", "other", "Straight to Video");
        weak("convert", "other", "Converted");
        weak("dxva", "video_api", "DXVA");
        weak("mp4,mkv,avi,wmv", "container_word", "");
        late("ukr", "language", "uk");
        weak("dub", "other", "Dubbed");
        weak("webuhd", "source", "Web", "other", "Ultra HD");
        strong("amazonhd", "streaming_service", "Amazon Prime", "other", "HD");
        late("us", "country", "US");
        late("uk", "country", "GB");

        weak("dl", "other", "Dual Audio");
        weak("special", "episode_details", "Special");
        strong("christmasspecial,xmasspecial,holidayspecial", "episode_details", "Special");
        late("cz", "language", "cs");
        late("swissgerman", "language", "gsw");
        weak("hfr", "other", "High Frame Rate");
        weak("se", "edition", "Special");
        late("web", "source", "Web");
        strong("dtshdhra", "audio_codec", "DTS-HD", "audio_profile", "High Resolution");
        weak("esub,esubs", "subtitle_language", "en");
        weak("subs,subtitles,subtitulado,subtitulos", "other", "Subtitled");
        strong("yuv420p10", "color_depth", "10-bit");
        strong("multiplesubtitle,multiplesubtitles,multisub,multisubs", "subtitle_language", "mul");
        weak("legendas,legenda,legendado,legendados", "subtitle_language", "pt");

        // ---- screen size words
        strong("4k", "screen_size", "2160p");

        // ---- other
        late("proper", "other", "Proper");
        strong("repack,rerip", "other", "Repack");
        late("real", "other", "Proper");
        strong("readnfo", "other", "Read NFO");
        weak("internal", "other", "Internal");
        weak("limited", "edition", "Limited");
        late("complete,thecomplete", "other", "Complete");
        weak("dual", "other", "Dual Audio");
        strong("dualaudio", "other", "Dual Audio");
        weak("multi", "language", "mul");
        strong("fansub", "other", "Fan Subtitled");
        strong("fastsub", "other", "Fast Subtitled");
        weak("ws,widescreen", "other", "Widescreen");
        strong("remux", "other", "Remux");
        weak("hr", "other", "High Resolution");
        weak("hd", "other", "HD");
        weak("fhd,fullhd", "other", "Full HD");
        weak("uhd,ultrahd", "other", "Ultra HD");
        strong("hdr,hdr10", "other", "HDR10");
        strong("dolbyvision", "other", "Dolby Vision");
        weak("3d", "other", "3D");
        weak("screener,scr", "other", "Screener");
        strong("preair", "other", "Preair");
        weak("ntsc", "other", "NTSC");
        weak("pal", "other", "PAL");
        weak("secam", "other", "SECAM");
        strong("r5", "other", "Region 5");
        weak("rc", "other", "Region C");
        strong("dirfix,samplefix,nfofix,syncfix", "other", "Fix");
        weak("fix", "other", "Fix");
        weak("documentary,doku,docu", "other", "Documentary");
        weak("ld", "other", "Line Dubbed");
        weak("md", "other", "Mic Dubbed");
        weak("hq", "other", "High Quality");
        strong("reenc,reencoded", "other", "Reencoded");
        weak("mux", "other", "Mux");
        weak("hc", "other", "Hardcoded Subtitles");
        weak("retail", "other", "Retail");
        weak("rip", "other", "Rip");
        weak("xxx", "other", "XXX");
        weak("converted", "other", "Converted");
        strong("2in1", "other", "2in1");
        weak("sample", "other", "Sample");
        weak("trailer", "other", "Trailer");
        weak("dubbed,dublado", "other", "Dubbed");
        weak("subbed", "other", "Subbed");
        weak("hybrid", "other", "Hybrid");
        weak("openmatte", "other", "Open Matte");
        weak("upscaled", "other", "Upscaled");
        weak("colorized", "other", "Colorized");
        weak("littlelinx", "other", "Mux");

        // ---- edition
        strong("directorscut,director'scut,directorcut,directorsedition", "edition", "Director's Cut");
        weak("dc", "edition", "Director's Cut");
        weak("extended", "edition", "Extended");
        strong("extendedcut,extendededition", "edition", "Extended");
        weak("unrated", "edition", "Unrated");
        weak("uncut", "edition", "Uncut");
        weak("uncensored", "edition", "Uncensored");
        weak("theatrical", "edition", "Theatrical");
        strong("theatricalcut,theatricaledition", "edition", "Theatrical");
        weak("remastered", "edition", "Remastered");
        strong("specialedition", "edition", "Special");
        weak("criterion", "edition", "Criterion");
        strong("criterioncollection,criterionedition", "edition", "Criterion");
        weak("collector,collectors", "edition", "Collector");
        strong("collectorsedition,collector'sedition,editioncollector,collectoredition", "edition", "Collector");
        weak("ultimate", "edition", "Ultimate");
        strong("ultimateedition", "edition", "Ultimate");
        weak("alternatecut,alternativecut", "edition", "Alternative Cut");
        weak("imax", "edition", "IMAX");
        strong("imaxedition", "edition", "IMAX");
        weak("fanedit", "edition", "Fan");
        weak("deluxe", "edition", "Deluxe");
        strong("deluxeedition", "edition", "Deluxe");
        weak("festival", "edition", "Festival");

        // ---- languages (as ISO 639-1 codes) and subtitles
        lang("french,francais,français,truefrench,vf,vff,vfi,frn", "fr");
        late("fr", "language", "fr");
        lang("vfq", "fr-CA");
        lang("english", "en");
        late("eng,en", "language", "en");
        lang("spanish,espanol,español,castellano", "es");
        late("esp,spa", "language", "es");
        lang("german,deutsch", "de");
        late("ger,deu", "language", "de");
        lang("italian,italiano", "it");
        late("ita", "language", "it");
        lang("portuguese,portugues", "pt");
        lang("brazilian", "pt-BR");
        lang("dutch,flemish", "nl");
        late("nl", "language", "nl");
        lang("russian", "ru");
        late("rus", "language", "ru");
        lang("japanese", "ja");
        late("jap,jpn", "language", "ja");
        lang("chinese,mandarin,cantonese", "zh");
        lang("korean", "ko");
        lang("hindi", "hi");
        lang("swedish", "sv");
        late("swe", "language", "sv");
        lang("danish", "da");
        lang("norwegian", "no");
        lang("finnish", "fi");
        lang("polish", "pl");
        lang("hungarian", "hu");
        late("hun", "language", "hu");
        lang("hebrew", "he");
        lang("arabic", "ar");
        lang("turkish", "tr");
        lang("greek", "el");
        lang("czech", "cs");
        lang("catalan", "ca");
        lang("romanian", "ro");
        lang("tamil", "ta");
        lang("telugu", "te");
        lang("thai", "th");
        lang("vietnamese", "vi");
        lang("ukrainian", "uk");
        strong("vostfr,subfrench,stfr,subfr", "subtitle_language", "fr");
        strong("nlsubs,nlsub,nlsubbed", "subtitle_language", "nl");
        strong("swesub,swesubs", "subtitle_language", "sv");
        strong("hebsub,hebsubs", "subtitle_language", "he");
        strong("engsub,engsubs,ensub,subeng", "subtitle_language", "en");
        strong("subita,itasub,subsita", "subtitle_language", "it");
        weak("vo,vost,vosub", "other", "Original Version");

        // ---- episode details
        weak("pilot", "episode_details", "Pilot");
        weak("unaired", "episode_details", "Unaired");
        weak("final,finale", "episode_details", "Final");
        weak("extras,bonus,deletedscenes", "other", "Extras");

        // ---- streaming services (guessit's abbreviations; only read next to other release words)
        service("amzn,amazon,amazonprime,amazonvideo", "Amazon Prime");
        service("nf,netflix,netflixuhd", "Netflix");
        service("hulu", "Hulu");
        service("it,itunes,ituneshd,hditunes", "iTunes");
        service("cc,comedycentral", "Comedy Central");
        service("ip,bbciplayer,iplayer", "BBC iPlayer");
        service("hbo,hbogo", "HBO Go");
        service("hmax,hbomax", "HBO Max");
        service("dsnp,disneyplus,disney+", "Disney+");
        service("dsny,disney", "Disney");
        service("atvp,appletv", "Apple TV+");
        service("pcok,peacock", "Peacock");
        service("crkl,crackle", "Crackle");
        service("cw,thecw", "The CW");
        service("hist,history", "History");
        service("pbs", "PBS");
        service("pbsk,pbskids", "PBS Kids");
        service("seso,seeso", "SeeSo");
        service("disc,discovery", "Discovery");
        service("ae,a&e", "A&E");
        service("as,adultswim", "Adult Swim");
        service("cbs", "CBS");
        service("nbc", "NBC");
        service("abc", "ABC");
        service("amc", "AMC");
        service("fox", "Fox");
        service("fxnow,fx", "FX");
        service("nba,nbatv", "NBA TV");
        service("nfl", "NFL");
        service("nflnow", "NFL Now");
        service("nhl,gc", "NHL GameCenter");
        service("red,youtubered", "YouTube Red");
        service("yhoo,yahoo", "Yahoo");
        service("syfy", "Syfy");
        service("spik,spike", "Spike");
        service("spkt,spiketv", "Spike TV");
        service("nick,nickelodeon", "Nickelodeon");
        service("glob,globosatplay", "GloboSat Play");
        service("e!,etv", "E!");
        service("all4,channel4", "Channel 4");
        service("cnbc", "CNBC");
        service("cbc", "CBC");
        service("tbs", "TBS");
        service("tlc", "TLC");
        service("stz,starz", "Starz");
        service("epix", "ePix");
        service("vh1", "VH1");
        service("usan,usanetwork", "USA Network");
        service("vice,viceland", "Viceland");
        service("viki", "Viki");
        service("vmeo,vimeo", "Vimeo");
        service("vrv", "VRV");
        service("tubi,tubitv", "TubiTV");
        service("roku", "The Roku Channel");
        service("sony", "Sony");
        service("uktv", "UKTV");
        service("ufc", "UFC");
        service("ufcfp", "UFC Fight Pass");
        service("wwen,wwenetwork", "WWE Network");
        service("natg,nationalgeographic,natgeo", "National Geographic");
        service("dcu", "DC Universe");
        service("mtv", "MTV");
        service("sho,showtime", "Showtime");
        service("rktn,rakuten", "Rakuten TV");
        service("iqiyi", "iQIYI");
        service("hoichoi", "hoichoi");
        service("iflix", "iflix");
        service("tvl,tvland", "TV Land");
        service("sbs", "SBS");
        service("tvnz", "TVNZ");
        service("nrk", "Norsk Rikskringkasting");
        service("svt", "Sveriges Television");
        service("pluz,pluzz", "Pluzz");
        service("play,playstationnetwork", "Playstation Network");
        service("stan", "Stan");
        service("crav,crave", "Crave");
        service("crunchyroll,cr", "Crunchyroll");
        service("funimation,funi", "Funimation");
        service("hidive", "HIDIVE");
        service("mubi", "MUBI");
        service("paramount+,pmtp,paramountplus", "Paramount+");
        service("roku", "The Roku Channel");
        service("sprout", "Sprout");
        service("tfou", "TFou");
        service("velocity,vel", "Velocity");
        service("watchme", "WatchMe");
        service("opto", "Opto");
        service("ruutu", "RUUTU");
        service("own", "Oprah Winfrey Network");
        service("pokergo", "PokerGO");
        service("sportsnet,snet", "Sportsnet");
        service("science,scienceChannel", "Science Channel");
    }

    /** Every beginning of every key ("d", "dd", "dd+", …): a name's tokens are joined only while they still begin a word. */
    static final java.util.Set<String> PREFIXES = new java.util.HashSet<>();

    static {
        for (String key : WORDS.keySet()) {
            for (int i = 1; i <= key.length(); i++) {
                PREFIXES.add(key.substring(0, i));
            }
        }
    }

    private static void audio(String keys, String codec, String profile) {
        for (String k : keys.split(",")) {
            Object[] base = profile == null ? new Object[] {"audio_codec", codec} : new Object[] {"audio_codec", codec, "audio_profile", profile};
            strong(k, base);
            for (String[] ch : new String[][] {{"20", "2.0"}, {"51", "5.1"}, {"71", "7.1"}, {"10", "1.0"}, {"2", "2.0"}, {"6", "5.1"}, {"8", "7.1"}}) {
                Object[] withCh = new Object[base.length + 2];
                System.arraycopy(base, 0, withCh, 0, base.length);
                withCh[base.length] = "audio_channels";
                withCh[base.length + 1] = ch[1];
                if (!WORDS.containsKey(k + ch[0])) {
                    strong(k + ch[0], withCh);
                }
            }
        }
    }

    private static void lang(String keys, String code) {
        late(keys, "language", code);
        for (String k : keys.split(",")) {
            strong(k.trim() + "audio", "language", code);
        }
    }

    private static void service(String keys, String name) {
        for (String k : keys.split(",")) {
            // written out it is sure; abbreviated ("NF", "CC") or a common word ("History") only next to a source
            put(SURE_SERVICES.contains(k.trim().toLowerCase(java.util.Locale.ROOT)) ? STRONG : SERVICE, k, "streaming_service", name);
        }
    }
}
