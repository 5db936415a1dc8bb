"""Synthetic benchmark corpus: a reproducible site of N Indonesian press releases.

Run it as

    python bench/corpus.py --count 1000 --seed 7 --output /tmp/corpus-1k

to write /tmp/corpus-1k/site.toml and /tmp/corpus-1k/content/<year>/<slug>.md.
Bulletin number i is drawn from its own random.Random(seed * 1_000_003 + i), so it is
byte-identical whatever the count, and nothing depends on the clock or hash order.
Each bulletin has one of 40 topics; about half of its content words come from that
topic's word list, so bulletins of one topic share vocabulary (for the "Baca juga" ranker).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SITE_TITLE = "Warta Benchmark"
BASE_URL = "https://bench.example.org/"
FIRST_DAY = date(2023, 1, 1).toordinal()
DAY_COUNT = date(2025, 12, 31).toordinal() - FIRST_DAY + 1
SEED_STRIDE = 1_000_003


def _items(text: str, separator: str = ",") -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(separator) if item.strip())


# --- topics: each with its own vocabulary ---

@dataclass(frozen=True)
class Topic:
    key: str
    name: str  # as written in a sentence
    acronym: str  # "" when none is usual
    tag: str  # the topic's own tag
    groups: tuple[str, ...]  # broader tags it belongs to
    agency: str  # the office that speaks for it
    titles: tuple[str, ...]  # headline predicates, after the organisation
    words: tuple[str, ...]  # topical nouns and noun phrases

    @property
    def label(self) -> str:
        return self.acronym or self.name

    @property
    def full_name(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


def _topic(key: str, name: str, acronym: str, tag: str, groups: str, agency: str, titles: str,
           words: str) -> Topic:
    return Topic(key, name, acronym, tag, _items(groups), agency, _items(titles, "|"), _items(words))


TOPICS: tuple[Topic, ...] = (
    _topic("tppo", "perdagangan orang", "TPPO", "tppo", "hukum, perempuan, perlindungan anak", "Dinas PPAPP",
           "ajak warga cegah perdagangan orang|perketat pengawasan perekrutan kerja ilegal|dampingi korban TPPO",
           "perdagangan orang, TPPO, korban perdagangan orang, perekrutan ilegal, calo, sindikat, tawaran kerja, "
           "luar negeri, eksploitasi, paspor, visa kunjungan, penampungan, jeratan utang, pendampingan korban, "
           "rumah aman, pemulangan korban, kerja paksa, agen penyalur, lowongan palsu, penyelundupan manusia, "
           "pelaku perekrutan, pemulihan trauma, rehabilitasi korban, Satgas TPPO, LPSK, modus penipuan kerja, "
           "eksploitasi seksual, perbudakan modern, perlindungan saksi, restitusi"),
    _topic("kbgo", "kekerasan berbasis gender online", "KBGO", "kbgo", "perempuan, digital, hukum", "Dinas PPAPP",
           "ajak remaja kenali KBGO|buka layanan aduan kekerasan berbasis gender online|latih guru tangani KBGO",
           "KBGO, kekerasan berbasis gender online, penyebaran konten intim, pelecehan daring, doxing, sekstorsi, "
           "pemerasan, akun palsu, tangkapan layar, jejak digital, media sosial, grup percakapan, korban perempuan, "
           "privasi, data pribadi, ancaman daring, perundungan siber, pelaporan konten, platform digital, UU TPKS, "
           "bukti elektronik, pendamping hukum, konseling korban, pemulihan psikologis, verifikasi dua langkah, "
           "ruang digital aman, persetujuan, UPTD PPA"),
    _topic("dbd", "demam berdarah dengue", "DBD", "dbd", "kesehatan, lingkungan", "Dinas Kesehatan",
           "ajak warga cegah DBD|gelar PSN serentak di permukiman|aktifkan gerakan satu rumah satu jumantik",
           "DBD, demam berdarah, nyamuk Aedes aegypti, jentik nyamuk, jumantik, pemberantasan sarang nyamuk, PSN, "
           "3M Plus, fogging, pengasapan, larvasida, abatisasi, bak mandi, tempat penampungan air, genangan air, "
           "ember bekas, ban bekas, kasus dengue, trombosit, demam tinggi, musim hujan, angka bebas jentik, "
           "kelambu, losion antinyamuk, ovitrap, wolbachia, pasien rawat inap, penyelidikan epidemiologi"),
    _topic("stunting", "stunting", "", "stunting", "kesehatan, perlindungan anak, pangan", "Dinas Kesehatan",
           "percepat penurunan stunting|timbang balita serentak untuk cegah stunting|gandeng posyandu tekan "
           "angka stunting",
           "stunting, balita, posyandu, gizi buruk, tinggi badan, berat badan, pemberian makanan tambahan, PMT, "
           "ASI eksklusif, MPASI, ibu hamil, tablet tambah darah, remaja putri, 1.000 hari pertama kehidupan, "
           "kader posyandu, bidan, protein hewani, telur, ikan, susu, kartu menuju sehat, pengukuran balita, "
           "tumbuh kembang anak, calon pengantin, bapak asuh anak stunting, TPPS, prevalensi stunting, "
           "dapur sehat atasi stunting, anemia"),
    _topic("imunisasi", "imunisasi anak", "", "imunisasi", "kesehatan, perlindungan anak", "Dinas Kesehatan",
           "kejar cakupan imunisasi anak|gelar bulan imunisasi di sekolah|ajak orang tua lengkapi imunisasi",
           "imunisasi, vaksin, campak, rubela, polio, difteri, BCG, DPT, imunisasi dasar lengkap, imunisasi kejar, "
           "cakupan imunisasi, vaksinator, kartu imunisasi, bayi, batita, BIAS, bulan imunisasi anak sekolah, "
           "kejadian ikutan pasca imunisasi, KIPI, rantai dingin, lemari vaksin, kekebalan kelompok, "
           "keraguan vaksin, PIN polio, HPV, kanker serviks, suntikan vaksin, tetes polio"),
    _topic("banjir", "banjir", "", "banjir", "bencana, infrastruktur, lingkungan", "Dinas Sumber Daya Air",
           "siagakan pompa hadapi musim banjir|keruk saluran untuk antisipasi banjir|latih warga bantaran kali "
           "hadapi banjir",
           "banjir, genangan, curah hujan, pompa air, pompa stasioner, pompa mobile, saluran air, gorong-gorong, "
           "kali, bantaran sungai, tanggul, normalisasi sungai, pengerukan lumpur, sedimentasi, waduk, embung, "
           "sumur resapan, pintu air, tinggi muka air, status siaga, posko banjir, pengungsian, perahu karet, "
           "evakuasi warga, rob, pasang laut, drainase, luapan kali, peringatan dini banjir, BMKG, Katulampa"),
    _topic("pemilu", "pemilu", "", "pemilu", "demokrasi, pemuda", "KPU",
           "sasar pemilih pemula jelang pemilu|ajak warga tangkal hoaks pemilu|sosialisasikan tahapan pemilu ke RW",
           "pemilu, pemilih pemula, daftar pemilih tetap, DPT, TPS, surat suara, KPPS, PPS, PPK, Bawaslu, "
           "pengawas TPS, kampanye, hoaks politik, politik uang, netralitas ASN, hak pilih, kotak suara, "
           "rekapitulasi suara, calon legislatif, pasangan calon, pilkada, partisipasi pemilih, saksi TPS, "
           "logistik pemilu, pemungutan suara, daftar pemilih khusus, surat pindah memilih, tinta pemilu"),
    _topic("sampah", "pengelolaan sampah", "", "sampah", "lingkungan, pelayanan publik", "Dinas Lingkungan Hidup",
           "ajak warga pilah sampah dari rumah|resmikan bank sampah baru|kurangi sampah plastik di pasar",
           "sampah, bank sampah, pemilahan sampah, sampah organik, sampah anorganik, kompos, maggot, TPS3R, TPST, "
           "plastik sekali pakai, kantong belanja, daur ulang, pengangkutan sampah, truk sampah, gerobak sampah, "
           "timbulan sampah, lubang biopori, ekobrik, minyak jelantah, residu, TPA, insinerator, retribusi sampah, "
           "kerja bakti, sedotan plastik, tumbler, pengepul, nasabah bank sampah, ekoenzim"),
    _topic("kebakaran", "kebakaran permukiman", "", "kebakaran", "bencana, keamanan", "Dinas Pemadam Kebakaran",
           "latih warga padat penduduk hadapi kebakaran|bagikan APAR ke permukiman padat|ingatkan bahaya "
           "korsleting listrik",
           "kebakaran, korsleting listrik, APAR, alat pemadam api ringan, hidran, mobil pemadam, petugas damkar, "
           "damkar, titik api, permukiman padat, kabel listrik, stop kontak, tabung gas, kompor, asap, luka bakar, "
           "jalur evakuasi, sistem ketahanan kebakaran lingkungan, SKKL, relawan kebakaran, Redkar, hidran kering, "
           "instalasi listrik, obat nyamuk bakar, tangga darurat, pendinginan, kerugian materi, rumah semipermanen"),
    _topic("narkoba", "penyalahgunaan narkoba", "", "narkoba", "hukum, pemuda, keamanan", "BNN",
           "ajak pelajar jauhi narkoba|gelar tes urine di kantor kecamatan|bentuk kampung bebas narkoba",
           "narkoba, narkotika, sabu, ganja, tembakau sintetis, obat keras, pengedar, bandar narkoba, "
           "penyalahgunaan narkoba, rehabilitasi, tes urine, kampung bebas narkoba, P4GN, BNN, adiksi, pecandu, "
           "razia, barang bukti, zat psikoaktif, relawan antinarkoba, konselor adiksi, rawat jalan, IPWL, "
           "wajib lapor pecandu, ketergantungan, pil koplo, penangkapan, ekstasi, sindikat narkotika"),
    _topic("umkm", "usaha mikro, kecil, dan menengah", "UMKM", "umkm", "ekonomi", "Dinas Koperasi dan UKM",
           "dorong UMKM naik kelas|gelar bazar produk UMKM|latih pelaku UMKM pemasaran digital",
           "UMKM, pelaku usaha, usaha mikro, produk lokal, pemasaran digital, lokapasar, kemasan produk, "
           "sertifikat halal, NIB, izin usaha, modal usaha, KUR, kredit usaha rakyat, koperasi, bazar, "
           "pameran produk, omzet, kuliner, kerajinan, fesyen, pelatihan kewirausahaan, pendampingan usaha, "
           "JakPreneur, QRIS, pembayaran digital, rantai pasok, merek dagang, sentra usaha, inkubator bisnis, "
           "katalog elektronik"),
    _topic("pajak", "pajak daerah", "", "pajak daerah", "ekonomi, pelayanan publik", "Bapenda",
           "ingatkan warga bayar PBB sebelum jatuh tempo|beri keringanan denda pajak daerah|jemput bola layanan "
           "pajak daerah",
           "pajak daerah, PBB, pajak bumi dan bangunan, PBB-P2, wajib pajak, SPPT, jatuh tempo, denda pajak, "
           "sanksi administrasi, keringanan pajak, pembebasan pajak, pajak kendaraan bermotor, BPHTB, "
           "pajak restoran, pajak hotel, pajak parkir, pajak reklame, tunggakan pajak, pemutihan, "
           "pendapatan asli daerah, PAD, SPPT elektronik, NJOP, bank daerah, setoran pajak, target penerimaan, "
           "insentif pajak, objek pajak, mobil keliling pajak"),
    _topic("transportasi", "transportasi umum", "", "transportasi umum", "transportasi, pelayanan publik",
           "Dinas Perhubungan",
           "tambah rute angkutan umum ke permukiman|ajak warga beralih ke transportasi umum|integrasikan halte "
           "dan stasiun",
           "transportasi umum, angkutan umum, bus, halte, stasiun, Transjakarta, MRT, LRT, KRL, mikrotrans, "
           "JakLingko, rute baru, armada bus, penumpang, tarif integrasi, kartu elektronik, jalur khusus bus, "
           "jembatan penyeberangan, trotoar, pejalan kaki, park and ride, waktu tunggu, jam sibuk, kemacetan, "
           "integrasi antarmoda, angkot, ojek daring, terminal, kendaraan pribadi, aksesibilitas halte"),
    _topic("rth", "ruang terbuka hijau", "RTH", "ruang terbuka hijau", "lingkungan, infrastruktur",
           "Dinas Pertamanan dan Hutan Kota",
           "tambah taman kota di lahan kosong|ajak warga rawat ruang terbuka hijau|tanam ribuan pohon di "
           "bantaran kali",
           "ruang terbuka hijau, RTH, taman kota, hutan kota, pohon peneduh, penanaman pohon, bibit pohon, "
           "tabebuya, trembesi, lahan kosong, jalur hijau, taman interaktif, taman tematik, kebun bibit, "
           "pemangkasan pohon, pohon tumbang, daerah resapan, urban farming, kebun warga, hidroponik, "
           "taman vertikal, penghijauan, kanopi pohon, bangku taman, jalur lari, area bermain, "
           "keanekaragaman hayati, burung kota"),
    _topic("air", "air bersih", "", "air bersih", "infrastruktur, kesehatan", "PDAM",
           "perluas jaringan pipa air bersih|salurkan air bersih ke warga pesisir|bangun hidran umum di "
           "permukiman padat",
           "air bersih, air minum, air tanah, sumur bor, penurunan muka tanah, jaringan pipa, sambungan rumah, "
           "pelanggan PDAM, tandon air, mobil tangki air, hidran umum, kualitas air, air payau, "
           "instalasi pengolahan air, meteran air, tarif air, kebocoran pipa, distribusi air, kekeringan, "
           "debit air, reservoir, keran umum, SPAM, air baku, penjernihan air, uji laboratorium, "
           "bakteri koliform, kemarau panjang"),
    _topic("ppdb", "penerimaan peserta didik baru", "PPDB", "ppdb", "pendidikan, pelayanan publik",
           "Dinas Pendidikan",
           "buka posko pengaduan PPDB|sosialisasikan jalur zonasi PPDB|dampingi orang tua daftar PPDB daring",
           "PPDB, penerimaan peserta didik baru, jalur zonasi, jalur afirmasi, jalur prestasi, "
           "jalur perpindahan orang tua, kuota sekolah, sekolah negeri, sekolah swasta, calon peserta didik, "
           "orang tua murid, akun pendaftaran, verifikasi dokumen, kartu keluarga, domisili, nilai rapor, "
           "seleksi, pengumuman kelulusan, daftar ulang, daya tampung, SD, SMP, SMA, SMK, KJP Plus, bangku kosong, "
           "titipan, pendaftaran daring, jarak rumah ke sekolah"),
    _topic("bansos", "bantuan sosial", "bansos", "bansos", "sosial, pangan", "Dinas Sosial",
           "salurkan bansos tepat sasaran|verifikasi ulang data penerima bansos|buka layanan aduan bansos",
           "bansos, bantuan sosial, penerima manfaat, KPM, DTKS, PKH, BPNT, bantuan pangan, beras, sembako, "
           "verifikasi data, pemutakhiran data, data ganda, tepat sasaran, pendamping PKH, kartu sembako, "
           "penyaluran bansos, rekening bank, kantor pos, keluarga miskin, kemiskinan ekstrem, DTSEN, "
           "musyawarah kelurahan, pencairan, uji petik, kuota penerima, warga rentan, BLT, inklusi keuangan, "
           "graduasi mandiri"),
    _topic("lansia", "lanjut usia", "lansia", "lansia", "sosial, kesehatan", "Dinas Sosial",
           "perluas posyandu lansia|beri layanan kesehatan gratis bagi lansia|ajak keluarga rawat lansia di rumah",
           "lansia, warga lanjut usia, posyandu lansia, panti werdha, KLJ, kartu lansia Jakarta, senam lansia, "
           "pemeriksaan tekanan darah, hipertensi, diabetes, gula darah, asam urat, kolesterol, demensia, pikun, "
           "pendamping lansia, perawatan di rumah, kunjungan rumah, sekolah lansia, lansia tangguh, "
           "lansia telantar, jaminan hari tua, kursi roda, kacamata baca, kesepian, paguyuban lansia, pensiunan, "
           "layanan geriatri"),
    _topic("disabilitas", "penyandang disabilitas", "", "disabilitas", "sosial, pelayanan publik", "Dinas Sosial",
           "perluas akses layanan bagi penyandang disabilitas|buka bursa kerja inklusif|latih petugas bahasa isyarat",
           "penyandang disabilitas, disabilitas, difabel, tunanetra, tunarungu, tunadaksa, disabilitas intelektual, "
           "bahasa isyarat, juru bahasa isyarat, huruf braille, guiding block, ramp, akses kursi roda, "
           "alat bantu dengar, kaki palsu, tongkat putih, kartu penyandang disabilitas, layanan inklusif, "
           "sekolah inklusif, sekolah luar biasa, SLB, kuota kerja, unit layanan disabilitas, aksesibilitas, "
           "pendamping disabilitas, fisioterapi, rehabilitasi sosial, kesetaraan, hak penyandang disabilitas"),
    _topic("udara", "polusi udara", "", "polusi udara", "lingkungan, kesehatan, transportasi",
           "Dinas Lingkungan Hidup",
           "uji emisi kendaraan untuk tekan polusi udara|pasang alat pemantau kualitas udara|ajak warga kurangi "
           "pembakaran sampah",
           "polusi udara, kualitas udara, uji emisi, emisi kendaraan, gas buang, partikel PM2.5, ISPU, "
           "indeks standar pencemar udara, alat pemantau udara, sensor udara, cerobong asap, industri, "
           "pembakaran sampah, masker, ISPA, infeksi saluran pernapasan, asma, hari bebas kendaraan bermotor, "
           "kendaraan listrik, knalpot, stiker lulus uji emisi, tilang uji emisi, penyemprotan kabut air, "
           "penyiraman jalan, debu, jarak pandang, kabut asap, pohon penyerap polutan, bengkel uji emisi, "
           "bersepeda"),
    _topic("tbc", "tuberkulosis", "TBC", "tbc", "kesehatan", "Dinas Kesehatan",
           "gencarkan penemuan kasus TBC|ajak pasien TBC tuntaskan pengobatan|skrining TBC di permukiman padat",
           "TBC, tuberkulosis, batuk berdahak, skrining, investigasi kontak, rontgen dada, tes cepat molekuler, "
           "TCM, obat anti tuberkulosis, OAT, pengawas minum obat, PMO, TBC resisten obat, kasus baru, putus obat, "
           "kader TBC, ventilasi rumah, sinar matahari, terapi pencegahan, TPT, pemeriksaan dahak, paru-paru, "
           "kepatuhan berobat, eliminasi TBC, berat badan turun, keringat malam, SITB, kontak serumah"),
    _topic("hiv", "HIV/AIDS", "", "hiv aids", "kesehatan, pemuda", "Dinas Kesehatan",
           "buka layanan tes HIV gratis|ajak remaja pahami pencegahan HIV|perkuat pendampingan ODHIV",
           "HIV, AIDS, ODHIV, tes HIV, konseling HIV, VCT, antiretroviral, ARV, viral load, stigma, diskriminasi, "
           "penularan HIV, penularan dari ibu ke anak, kondom, kelompok kunci, pendamping sebaya, "
           "Komisi Penanggulangan AIDS, KPA, infeksi menular seksual, IMS, sifilis, hepatitis B, PrEP, "
           "layanan PDP, kepatuhan minum obat, status HIV, kerahasiaan, tes mandiri, Hari AIDS Sedunia, pita merah"),
    _topic("literasi", "literasi digital", "", "literasi digital", "digital, pendidikan, pemuda", "Dinas Kominfo",
           "gelar kelas literasi digital untuk pelajar|ajak warga cek fakta sebelum berbagi|latih kader jadi duta "
           "literasi digital",
           "literasi digital, hoaks, cek fakta, disinformasi, misinformasi, berita bohong, media sosial, "
           "jejak digital, etika digital, keamanan digital, privasi daring, kata sandi, gawai, internet sehat, "
           "konten positif, algoritma, tautan mencurigakan, ujaran kebencian, pemengaruh, kecakapan digital, "
           "budaya digital, kreator konten, sumber terpercaya, tangkapan layar palsu, judul provokatif, "
           "kecanduan gawai, waktu layar, Siberkreasi, WiFi publik"),
    _topic("penipuan", "penipuan daring", "", "penipuan daring", "digital, keamanan, hukum", "Dinas Kominfo",
           "ingatkan warga waspadai penipuan daring|edukasi lansia soal modus penipuan digital|buka aduan "
           "penipuan daring",
           "penipuan daring, modus penipuan, phishing, tautan palsu, file APK, undangan pernikahan digital, "
           "kode OTP, rekening penampung, pinjaman online ilegal, pinjol, judi online, investasi bodong, "
           "undian palsu, rekayasa sosial, peretasan akun, pengambilalihan akun WhatsApp, nomor asing, "
           "pemblokiran rekening, OJK, Satgas PASTI, patroli siber, kerugian korban, SMS berhadiah, kurir palsu, "
           "layanan pelanggan palsu, dompet digital, mobile banking, kebocoran data, penipuan belanja daring"),
    _topic("perundungan", "perundungan", "", "perundungan", "pendidikan, perlindungan anak", "Dinas Pendidikan",
           "cegah perundungan di sekolah|bentuk satgas antiperundungan|ajak siswa berani lapor perundungan",
           "perundungan, bullying, korban perundungan, pelaku perundungan, sekolah ramah anak, guru BK, "
           "bimbingan konseling, TPPK, tim pencegahan dan penanganan kekerasan, kekerasan fisik, kekerasan verbal, "
           "ejekan, pengucilan, kakak kelas, MPLS, masa pengenalan lingkungan sekolah, siswa, murid, wali kelas, "
           "kotak pengaduan, empati, disiplin positif, duta antiperundungan, sekolah aman, mediasi, "
           "psikolog sekolah, perundungan siber"),
    _topic("kdrt", "kekerasan dalam rumah tangga", "KDRT", "kdrt", "perempuan, hukum, perlindungan anak",
           "Dinas PPAPP",
           "buka layanan pengaduan KDRT|ajak warga berani lapor KDRT|dampingi korban kekerasan dalam rumah tangga",
           "KDRT, kekerasan dalam rumah tangga, korban kekerasan, istri, suami, penelantaran, kekerasan psikis, "
           "kekerasan ekonomi, visum, rumah aman, UPTD PPA, pos pengaduan, hotline SAPA 129, konselor, psikolog, "
           "pendampingan hukum, perlindungan sementara, mediasi keluarga, perceraian, hak asuh anak, "
           "ketahanan keluarga, Puspaga, pusat pembelajaran keluarga, relasi sehat, kekerasan berulang, "
           "trauma anak, laporan polisi, unit PPA, perintah perlindungan"),
    _topic("migran", "pekerja migran", "PMI", "pekerja migran", "ekonomi, hukum", "Dinas Tenaga Kerja",
           "sosialisasikan prosedur resmi kerja ke luar negeri|latih calon pekerja migran sebelum berangkat|"
           "bentuk desa migran produktif",
           "pekerja migran, PMI, calon pekerja migran, BP2MI, P3MI, perusahaan penempatan, prosedur resmi, "
           "nonprosedural, kontrak kerja, pelatihan pra keberangkatan, sertifikat kompetensi, bahasa asing, "
           "negara penempatan, Malaysia, Arab Saudi, Hong Kong, Taiwan, remitansi, purna pekerja migran, "
           "BPJS Ketenagakerjaan, paspor, visa kerja, LTSA, layanan terpadu satu atap, desmigratif, agensi, "
           "gaji, majikan, perlindungan pekerja"),
    _topic("adminduk", "administrasi kependudukan", "adminduk", "adminduk", "kependudukan, pelayanan publik",
           "Dinas Dukcapil",
           "jemput bola perekaman KTP elektronik|ajak warga aktivasi IKD|tertibkan data kependudukan warga",
           "adminduk, KTP elektronik, kartu keluarga, akta kelahiran, akta kematian, KIA, kartu identitas anak, IKD, "
           "identitas kependudukan digital, NIK, perekaman, blangko, pindah domisili, penonaktifan NIK, Dukcapil, "
           "layanan jemput bola, anjungan dukcapil mandiri, pencatatan sipil, akta perkawinan, surat pindah, "
           "data kependudukan, tertib administrasi, penduduk nonpermanen, tanda tangan elektronik, "
           "layanan keliling, formulir F-1, pemilih pemula"),
    _topic("gempa", "mitigasi bencana gempa", "", "mitigasi gempa", "bencana", "BPBD",
           "gelar simulasi gempa di sekolah|latih warga evakuasi mandiri saat gempa|bentuk kelurahan tangguh bencana",
           "gempa bumi, mitigasi bencana, simulasi evakuasi, titik kumpul, jalur evakuasi, tas siaga bencana, "
           "sirene, peringatan dini, BMKG, magnitudo, patahan, sesar aktif, bangunan tahan gempa, retrofit, "
           "tsunami, likuefaksi, kelurahan tangguh bencana, sekolah aman bencana, relawan bencana, Destana, "
           "rencana kontinjensi, logistik bencana, tenda darurat, dapur umum, tim reaksi cepat, TRC, "
           "pertolongan pertama, kotak P3K, kesiapsiagaan, BPBD"),
    _topic("pangan", "pangan murah", "", "pasar murah", "pangan, ekonomi", "Dinas Ketahanan Pangan",
           "gelar pasar murah jelang Ramadan|jaga stabilitas harga bahan pokok|salurkan beras SPHP ke pasar",
           "pasar murah, gerakan pangan murah, harga bahan pokok, beras SPHP, minyak goreng, gula pasir, "
           "telur ayam, cabai, bawang merah, daging ayam, inflasi, stabilitas harga, operasi pasar, Bulog, "
           "stok pangan, distributor, penimbunan, harga eceran tertinggi, HET, satgas pangan, pedagang pasar, "
           "kupon belanja, subsidi pangan, ketersediaan pasokan, panel harga, TPID, neraca pangan, antrean pembeli"),
    _topic("tawuran", "tawuran pelajar", "", "tawuran", "keamanan, pemuda, ketertiban umum", "Satpol PP",
           "patroli malam cegah tawuran|bina remaja rawan tawuran|bentuk kampung anti tawuran",
           "tawuran, tawuran pelajar, senjata tajam, celurit, geng remaja, patroli malam, jam malam, titik rawan, "
           "provokasi media sosial, konten tantangan, pembinaan remaja, orang tua pelajar, pengamanan, "
           "petugas gabungan, Babinsa, Bhabinkamtibmas, kampung anti tawuran, kegiatan positif, "
           "sepak bola antarkampung, pelajar SMP, pelajar SMA, luka bacok, pengeroyokan, balap liar, "
           "remaja nongkrong, tokoh pemuda"),
    _topic("perkawinan", "perkawinan anak", "", "perkawinan anak", "perlindungan anak, perempuan", "Dinas PPAPP",
           "ajak tokoh agama cegah perkawinan anak|sosialisasikan batas usia menikah|gandeng KUA tekan "
           "perkawinan anak",
           "perkawinan anak, pernikahan dini, batas usia perkawinan, dispensasi kawin, pengadilan agama, KUA, "
           "penghulu, kehamilan remaja, putus sekolah, kesehatan reproduksi, remaja putri, calon pengantin, "
           "bimbingan perkawinan, tokoh agama, wajib belajar 12 tahun, pola asuh, PIK Remaja, "
           "pusat informasi konseling remaja, generasi berencana, GenRe, BKKBN, kematian ibu, "
           "bayi berat lahir rendah, hak anak, pendewasaan usia perkawinan, forum anak"),
    _topic("jiwa", "kesehatan jiwa", "", "kesehatan jiwa", "kesehatan, pemuda", "Dinas Kesehatan",
           "buka layanan konseling kesehatan jiwa gratis|ajak remaja peduli kesehatan mental|latih kader deteksi "
           "dini gangguan jiwa",
           "kesehatan jiwa, kesehatan mental, gangguan jiwa, depresi, kecemasan, stres, pencegahan bunuh diri, "
           "konseling, psikolog, psikiater, ODGJ, pemasungan, layanan konseling, hotline kesehatan jiwa, "
           "tekanan akademik, kelelahan mental, swaperiksa, SRQ-20, pertolongan pertama psikologis, "
           "kader kesehatan jiwa, obat antidepresan, rumah sakit jiwa, rehabilitasi psikososial, stigma, "
           "dukungan sebaya, teman curhat, kesepian, relaksasi"),
    _topic("kerja", "bursa kerja", "", "bursa kerja", "ekonomi, pemuda", "Dinas Tenaga Kerja",
           "gelar bursa kerja untuk pencari kerja muda|buka pelatihan kerja gratis di PPKD|salurkan lulusan "
           "pelatihan ke industri",
           "bursa kerja, job fair, pencari kerja, lowongan kerja, pelatihan kerja, PPKD, "
           "pusat pelatihan kerja daerah, sertifikasi kompetensi, BLK, balai latihan kerja, kartu kuning, AK1, "
           "pengangguran, tingkat pengangguran terbuka, wawancara kerja, surat lamaran, daftar riwayat hidup, "
           "perusahaan peserta, penempatan kerja, magang, kartu prakerja, keterampilan, menjahit, tata boga, "
           "teknisi pendingin ruangan, barista, pemagangan, upah minimum, UMP"),
    _topic("jalan", "keselamatan lalu lintas", "", "keselamatan jalan", "transportasi, keamanan",
           "Dinas Perhubungan",
           "ajak pengendara utamakan keselamatan di jalan|pasang rambu di titik rawan kecelakaan|sosialisasikan "
           "tilang elektronik",
           "keselamatan lalu lintas, kecelakaan lalu lintas, helm, sabuk pengaman, rambu lalu lintas, marka jalan, "
           "zebra cross, lampu lalu lintas, titik rawan kecelakaan, batas kecepatan, tilang elektronik, ETLE, "
           "pelanggaran lalu lintas, melawan arus, pengendara sepeda motor, SIM, surat izin mengemudi, "
           "balap liar, pita penggaduh, polisi tidur, zona selamat sekolah, ZoSS, Jasa Raharja, "
           "korban kecelakaan, pengemudi, knalpot bising, penerangan jalan"),
    _topic("pkl", "pedagang kaki lima", "PKL", "pkl", "ekonomi, ketertiban umum", "Satpol PP",
           "tata pedagang kaki lima di trotoar|relokasi PKL ke lokasi binaan|tertibkan lapak liar di bahu jalan",
           "PKL, pedagang kaki lima, lokasi binaan, lokbin, lokasi sementara, relokasi pedagang, penertiban, "
           "lapak, gerobak, tenda pedagang, trotoar, bahu jalan, perda ketertiban umum, retribusi, "
           "zona kuliner, pusat jajanan, sentra kuliner, pedagang asongan, pedagang musiman, parkir liar, "
           "penataan kawasan, pembinaan pedagang, kartu pedagang, kebersihan lapak, jam berdagang, pasar malam, "
           "juru parkir, pejalan kaki"),
    _topic("rusun", "rumah susun", "rusun", "rusun", "infrastruktur, sosial", "Dinas Perumahan",
           "serahkan kunci unit rusun bagi warga terdampak|benahi fasilitas rumah susun|data ulang penghuni rusun",
           "rumah susun, rusun, rusunawa, rusunami, penghuni rusun, unit hunian, sewa rusun, tunggakan sewa, "
           "kunci unit, relokasi warga, permukiman kumuh, penataan kampung, kampung susun, hunian layak, "
           "lift rusun, pengelola rusun, UPRS, fasilitas umum, bedah rumah, rumah tidak layak huni, RTLH, "
           "sertifikat tanah, hak milik, kekurangan perumahan, bantuan stimulan perumahan, rumah subsidi"),
    _topic("sanitasi", "sanitasi", "", "sanitasi", "kesehatan, lingkungan", "Dinas Lingkungan Hidup",
           "bangun jamban sehat bagi warga|ajak warga stop buang air besar sembarangan|bangun IPAL komunal di "
           "permukiman",
           "sanitasi, jamban sehat, tangki septik, buang air besar sembarangan, BABS, STBM, "
           "sanitasi total berbasis masyarakat, IPAL komunal, limbah domestik, sedot tinja, layanan lumpur tinja, "
           "cuci tangan pakai sabun, CTPS, air limbah, MCK, kakus, saluran pembuangan, pencemaran sungai, diare, "
           "jamban komunal, pengelolaan air limbah, ODF, higiene, kantin sehat, toilet umum, "
           "perilaku hidup bersih dan sehat, PHBS"),
    _topic("hewan", "kesehatan hewan", "", "kesehatan hewan", "kesehatan, pangan", "Dinas Pertanian",
           "gelar vaksinasi rabies gratis|periksa hewan kurban jelang Iduladha|ajak pemilik hewan peliharaan "
           "tertib vaksin",
           "rabies, vaksinasi rabies, hewan penular rabies, anjing, kucing, kera, gigitan hewan, hewan peliharaan, "
           "dokter hewan, puskeswan, kesehatan hewan, hewan kurban, Iduladha, penyakit mulut dan kuku, PMK, "
           "lumpy skin disease, antraks, pemeriksaan antemortem, pemeriksaan postmortem, rumah potong hewan, RPH, "
           "sapi, kambing, sterilisasi kucing, zoonosis, vaksin antirabies, karantina hewan, daging sehat"),
    _topic("wisata", "pariwisata", "", "pariwisata", "ekonomi", "Dinas Parekraf",
           "gelar festival budaya untuk dongkrak wisata|kembangkan kampung wisata|latih pemandu wisata lokal",
           "pariwisata, wisatawan, kampung wisata, desa wisata, destinasi wisata, festival budaya, ekonomi kreatif, "
           "pemandu wisata, homestay, kuliner khas, oleh-oleh, kerajinan tangan, batik, tari tradisional, "
           "ondel-ondel, gambang kromong, cagar budaya, museum, wisata sejarah, wisata bahari, snorkeling, "
           "kunjungan wisatawan, paket wisata, okupansi hotel, Pokdarwis, kelompok sadar wisata, sapta pesona, "
           "promosi wisata, sanggar seni"),
)

NOISE_TAG = "sosialisasi"


# --- regions, with the people who speak for them ---

@dataclass(frozen=True)
class Region:
    name: str
    kind: str  # "jakarta" (a city of DKI Jakarta), "seribu" (the regency) or "kota" (another city)
    official: str  # the mayor or regent
    localities: tuple[str, ...]

    @property
    def org_long(self) -> str:
        if self.kind == "kota":
            return f"Pemerintah Kota {self.name}"
        level = "Kabupaten" if self.kind == "seribu" else "Kota"
        return f"Pemerintah {level} Administrasi {self.name}"

    @property
    def org_short(self) -> str:
        return f"Pemkab {self.name}" if self.kind == "seribu" else f"Pemkot {self.name}"

    @property
    def official_title(self) -> str:
        return f"Bupati {self.name}" if self.kind == "seribu" else f"Wali Kota {self.name}"

    @property
    def dateline(self) -> str:
        return self.name if self.kind == "kota" else "Jakarta"

    def agency(self, office: str) -> str:
        """The local office: "Suku Dinas Kesehatan Jakarta Barat", "Dinas Kesehatan Kota Bogor"."""
        if self.kind == "kota":
            return f"{office} Kota {self.name}"
        if office.startswith("Dinas "):
            office = "Suku " + office
        return f"{office} {self.name}"


def _region(name: str, kind: str, official: str, localities: str) -> Region:
    return Region(name, kind, official, _items(localities))


REGIONS: tuple[Region, ...] = (
    _region("Jakarta Pusat", "jakarta", "Arief Wicaksono", "Gambir, Tanah Abang, Menteng, Senen, Kemayoran"),
    _region("Jakarta Utara", "jakarta", "Dewi Anggraini", "Penjaringan, Koja, Cilincing, Tanjung Priok, Pademangan"),
    _region("Jakarta Barat", "jakarta", "Hendro Saputra", "Cengkareng, Kalideres, Kembangan, Tambora, Palmerah"),
    _region("Jakarta Selatan", "jakarta", "Yusuf Hidayat", "Tebet, Pancoran, Cilandak, Jagakarsa, Pasar Minggu"),
    _region("Jakarta Timur", "jakarta", "Ratna Kusumawati", "Cakung, Duren Sawit, Jatinegara, Kramat Jati, Ciracas"),
    _region("Kepulauan Seribu", "seribu", "Syamsul Bahri", "Pulau Pramuka, Pulau Tidung, Pulau Untung Jawa, "
            "Pulau Kelapa, Pulau Harapan"),
    _region("Bogor", "kota", "Agus Firmansyah", "Bogor Tengah, Tanah Sareal, Bogor Barat"),
    _region("Depok", "kota", "Mulyadi Santoso", "Beji, Pancoran Mas, Sukmajaya"),
    _region("Tangerang", "kota", "Rudi Hartanto", "Cipondoh, Karawaci, Ciledug"),
    _region("Tangerang Selatan", "kota", "Lina Marlina", "Serpong, Pamulang, Ciputat"),
    _region("Bekasi", "kota", "Teguh Prasetyo", "Bekasi Timur, Bantargebang, Medan Satria"),
    _region("Bandung", "kota", "Asep Kurniawan", "Coblong, Sukajadi, Cicendo"),
    _region("Semarang", "kota", "Sri Wahyuni", "Semarang Tengah, Tembalang, Banyumanik"),
    _region("Surabaya", "kota", "Bambang Irawan", "Tegalsari, Wonokromo, Rungkut"),
    _region("Yogyakarta", "kota", "Heru Susanto", "Gondokusuman, Kotagede, Umbulharjo"),
    _region("Medan", "kota", "Darwin Siregar", "Medan Baru, Medan Petisah, Medan Johor"),
    _region("Makassar", "kota", "Andi Rahman", "Tamalate, Panakkukang, Mariso"),
    _region("Denpasar", "kota", "Made Sudarsana", "Denpasar Barat, Denpasar Selatan, Denpasar Utara"),
    _region("Palembang", "kota", "Hendra Gunawan", "Ilir Timur, Seberang Ulu, Kemuning"),
    _region("Balikpapan", "kota", "Rahmad Hidayat", "Balikpapan Kota, Balikpapan Selatan, Balikpapan Utara"),
    _region("Pontianak", "kota", "Edi Suryadi", "Pontianak Kota, Pontianak Barat, Pontianak Timur"),
    _region("Manado", "kota", "Frans Lumowa", "Wenang, Malalayang, Tikala"),
    _region("Padang", "kota", "Fadli Rahmat", "Padang Barat, Koto Tangah, Kuranji"),
    _region("Malang", "kota", "Wahyu Nugroho", "Klojen, Lowokwaru, Blimbing"),
    _region("Surakarta", "kota", "Gibran Setiadi", "Laweyan, Banjarsari, Pasar Kliwon"),
    _region("Mataram", "kota", "Lalu Hamdani", "Ampenan, Cakranegara, Sekarbela"),
    _region("Kupang", "kota", "Yohanes Bria", "Oebobo, Kelapa Lima, Alak"),
    _region("Jayapura", "kota", "Markus Wenda", "Abepura, Heram, Jayapura Utara"),
    _region("Banjarmasin", "kota", "Ibnu Sina Rahman", "Banjarmasin Tengah, Banjarmasin Utara, Banjarmasin Selatan"),
    _region("Pekanbaru", "kota", "Zulkifli Nasution", "Tampan, Marpoyan Damai, Bukit Raya"),
)
JAKARTA_REGIONS = REGIONS[:6]
OTHER_REGIONS = REGIONS[6:]

REPORTERS = _items(
    "Rina Oktaviani, Dimas Prasetyo, Yoga Permana, Fitri Handayani, Andika Putra, Nur Aisyah, Reza Mahendra, "
    "Siti Rahmawati, Bagus Setiawan, Dewi Lestari, Fajar Nugraha, Intan Permatasari, Rizky Ramadhan, "
    "Ayu Wulandari, Hendra Wijaya, Putri Maharani, Arif Budiman, Larasati Kirana, Galih Saputra, Novita Sari, "
    "Eko Purnomo, Maya Safitri, Taufik Hidayat, Citra Anindya, Bima Aditya, Wulan Pratiwi, Irfan Hakim, "
    "Lestari Ningsih, Johan Simanjuntak, Melati Suryani, Kevin Tanoto, Anisa Fitriani, Ilham Maulana, "
    "Yuliana Manurung, Dedi Kurniadi, Sekar Ayuningtyas, Wahyu Pamungkas, Rosa Damanik, Aldi Firmansyah, "
    "Nadia Salsabila")
EDITORS = _items(
    "Bambang Surya Putra, Sri Hartati, Joko Santoso, Lilis Suryani, Herman Saragih, Nining Kurniasih, "
    "Agung Wibisono, Tuti Alawiyah, Rudi Sembiring, Endah Purwanti")
FIRST_NAMES = _items(
    "Ahmad, Budi, Cahya, Dian, Endang, Fauzi, Gita, Hadi, Indra, Joko, Kartini, Lukman, Mega, Nanda, Oki, Purnama, "
    "Qori, Rahmat, Sari, Tono, Umi, Vina, Wawan, Yanti, Zainal, Asih, Bayu, Candra, Dodi, Erni, Firman, Gilang, "
    "Heni, Iwan, Jamal, Komang, Linda, Mirna, Nurul, Omar, Pipit, Rosmala, Slamet, Tri, Utami, Wartini, Yusuf, "
    "Zahra, Ketut, Ningsih")
LAST_NAMES = _items(
    "Saputra, Wibowo, Kusuma, Hidayat, Lestari, Siregar, Nasution, Pratama, Wijaya, Rahayu, Harahap, Susilo, "
    "Gunawan, Purba, Setiadi, Hakim, Suharto, Situmorang, Permana, Fitriani, Kartika, Hutapea, Maulana, Santika, "
    "Anggraeni, Sitompul, Yulianti, Ramadhani, Suryadi, Pangaribuan, Utomo, Wulandari, Tambunan, Irawan, "
    "Mardiana, Sinaga, Hartono, Puspita, Sembiring, Nugroho")

TAGS: tuple[str, ...] = tuple(dict.fromkeys(
    [topic.tag for topic in TOPICS] + [group for topic in TOPICS for group in topic.groups] + [NOISE_TAG]))


# --- general civic vocabulary ---

SUBJECTS = _items(
    "petugas kelurahan, kader PKK, pengurus RT dan RW, para relawan, tokoh masyarakat, aparat kecamatan, "
    "pengurus karang taruna, perwakilan warga, jajaran pemerintah kota, organisasi kemasyarakatan, "
    "pendamping sosial, para lurah, para camat, petugas gabungan, komunitas setempat, mahasiswa, "
    "guru dan kepala sekolah, anggota Linmas, tim penggerak PKK, perangkat kelurahan, pengurus dasawisma")
VERBS = _items(
    "menggelar, memperkuat, mendukung, menyosialisasikan, meningkatkan, mengawasi, mengevaluasi, mendata, "
    "memantau, mengoordinasikan, menindaklanjuti, mengampanyekan, membahas, menyiapkan, mempercepat, "
    "memperluas, mengintensifkan, menggencarkan, memprioritaskan, mengoptimalkan")
OBJECTS = _items(
    "program kerja, layanan terpadu, kegiatan rutin, pendataan warga, rapat koordinasi, kampanye publik, "
    "pelayanan masyarakat, langkah pencegahan, anggaran kegiatan, posko pengaduan, jadwal pemantauan, "
    "laporan warga, kerja sama lintas sektor, pelatihan kader, gerakan bersama, kunjungan dari rumah ke rumah, "
    "rencana aksi, forum warga, program prioritas, layanan keliling")
PLACES = _items(
    "di kantor kelurahan, di aula kecamatan, di balai warga, di RPTRA, di gedung serbaguna, di lapangan kelurahan, "
    "di sekolah-sekolah, di lingkungan RW, di kantor wali kota, di masjid dan musala, di puskesmas kecamatan, "
    "di ruang pertemuan kelurahan, di pos RW, di pusat kegiatan warga")
TIMES = _items(
    "pekan ini, sejak awal bulan, hingga akhir tahun, setiap Jumat pagi, selama tiga bulan ke depan, "
    "pada semester ini, secara berkala, setiap pekan, dalam waktu dekat, sepanjang bulan ini, mulai bulan depan")
CONNECTORS = _items(
    "Selain itu; Di sisi lain; Sementara itu; Oleh karena itu; Dalam kesempatan tersebut; Lebih lanjut; "
    "Untuk itu; Ke depan; Pada saat yang sama; Menurut dia", ";")
OUTCOMES = _items(
    "agar lebih tepat sasaran; supaya manfaatnya dirasakan langsung oleh warga; sehingga warga semakin waspada; "
    "demi pelayanan yang lebih cepat; agar target tahun ini tercapai; sehingga tidak ada warga yang tertinggal; "
    "agar hasilnya bisa diukur setiap bulan", ";")
MANNERS = _items("dengan baik, tepat waktu, sesuai rencana, secara terukur, secara berkelanjutan")
PARTICIPANTS = _items(
    "warga, pelajar, kader PKK, pengurus RT dan RW, relawan, ibu rumah tangga, tokoh masyarakat, "
    "anggota karang taruna, perwakilan sekolah, pedagang, orang tua murid")
ACTIVITIES = _items(
    "pameran layanan, senam pagi bersama, pentas seni remaja, pemeriksaan kesehatan gratis, lomba poster, "
    "diskusi kelompok, pembagian brosur, simulasi lapangan, kuis berhadiah, penandatanganan komitmen bersama")
GATHERINGS = _items("pengajian, arisan RT, kelompok PKK, karang taruna, grup percakapan warga, majelis taklim")
INVITES = _items("lebih peduli terhadap, mewaspadai, memahami, ikut mengawasi, berperan aktif dalam penanganan, "
                 "mendukung upaya penanganan")
LEAD_VERBS = _items("mengajak, mengimbau, meminta, mendorong")
SAY = _items("kata, ujar, tutur, ucap, jelas")
QUOTE_TAILS = ("", *_items("dalam sambutannya; di sela kegiatan; saat ditemui di lokasi; kepada wartawan", ";"))
HEAD_ROLES = _items("Kepala, Sekretaris, Kepala Bidang Pelayanan, Kepala Seksi Pencegahan")
SOURCES_OTHER = ("ANTARA",)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
GENERAL_TITLES = _items(
    "gencarkan sosialisasi {LABEL}|perkuat program {LABEL}|libatkan warga dalam program {LABEL}|"
    "evaluasi program {LABEL} di tingkat kelurahan|gelar rapat koordinasi {LABEL}", "|")

SMALL_NUMBERS = tuple(str(n) for n in range(3, 61))
CROWD_NUMBERS = tuple(str(n) for n in range(40, 901, 5))
CASE_NUMBERS = tuple(str(n) for n in range(5, 260))
DAY_NUMBERS = tuple(str(n) for n in range(2, 15))


# --- sentence templates: {T} is a topical word, the other slots general vocabulary ---

LEAD = _items("""
{ORGL} {LEADV} warga {INVITE} {NAMEA}, antara lain melalui {T}, {T}, dan {T}.
{ORGL} {V} penanganan {NAMEA} dengan melibatkan {S} di {SMALL} kelurahan, terutama soal {T}, {T}, dan {T}.
{ORGL} {LEADV} {S} {INVITE} {NAMEA} lewat {T}, {T}, serta {T} {TIME}.
""", "\n")
LEAD_MORE = _items("""
Langkah ini diambil menyusul meningkatnya laporan tentang {T}, {T}, dan {T} dalam beberapa pekan terakhir.
Program tersebut merupakan bagian dari rencana aksi daerah untuk {T}, {T}, dan {T}.
Kegiatan ini menjadi tindak lanjut evaluasi {T} dan {T} yang dilakukan bersama {AG}.
Upaya itu difokuskan pada {T}, {T}, serta {T} di wilayah {L} dan sekitarnya.
""", "\n")
NARRATIVE = _items("""
{CONN}, {S} {V} {T}, {T}, dan {T} {PLACE} {TIME}.
{S} juga {V} {T} serta materi tentang {T}, {T}, dan {T}.
Program {NAME} dijalankan melalui {T}, {T}, dan {T} yang melibatkan {S}.
{CONN}, warga diminta memperhatikan {T} dan {T} serta segera melaporkan {T} atau {T}.
Program ini menyasar {T} di {SMALL} kelurahan, dengan fokus pada {T}, {T}, dan {T}.
Hingga pekan ini, tercatat {CASES} laporan terkait {T}, {T}, dan {T} yang masuk ke posko pengaduan.
Pihaknya menargetkan {T}, {T}, dan {T} dapat ditangani lebih cepat, termasuk {T}.
Dalam pelaksanaannya, {S} memastikan {T}, {T}, dan {T} berjalan {MANNER}.
{T} menjadi perhatian utama karena berkaitan dengan {T}, {T}, dan {T}.
Kegiatan serupa akan digelar {PLACE} dengan materi seputar {T}, {T}, {T}, dan {T}.
{CONN}, {S} {V} {T} agar {T}, {T}, dan {T} tidak lagi menjadi persoalan.
Ia menjelaskan, {T} kerap berkaitan dengan {T} dan {T}, sehingga {T} perlu diperkuat sejak dini.
Warga yang membutuhkan informasi tentang {T} dapat menanyakan {T} dan {T} kepada petugas {NAME}.
Sebanyak {CROWD} {PART} telah mengikuti pelatihan {T} yang juga membahas {T}, {T}, dan {T}.
Di {L}, {S} rutin {V} {T}, {T}, dan {NAME}.
Petugas juga membagikan materi tentang {T}, {T}, {T}, dan {T}.
Evaluasi {NAME} menunjukkan {T} dan {T} masih perlu mendapat perhatian, terutama {T}.
Pemerintah kota menyiapkan anggaran untuk {T}, {T}, dan {T} pada tahun {YEAR}.
Rapat {NAME} setiap bulan membahas {T}, {T}, {T}, dan {T}.
Menurut catatan petugas, {T} paling banyak ditemukan {PLACE}, disusul {T} dan {T}.
Pendataan {T} dan {T} kini dilakukan bersama {S} supaya {T} dan {T} lebih mudah dipantau.
Materi {NAME} disampaikan dengan contoh {T}, {T}, dan {T} yang sering dijumpai.
""", "\n")
EVENT = _items("""
Kegiatan {NAME} yang digelar di {L}, {DAY} ({DM}), diikuti sekitar {CROWD} {PART}.
Acara di {L} pada {DAY} ({DM}) itu dihadiri sekitar {CROWD} {PART} yang ingin memahami {T}, {T}, dan {T}.
""", "\n")
EVENT_MORE = _items("""
Rangkaian acara juga diisi dengan {ACT} serta pemaparan materi tentang {T}, {T}, dan {T}.
Peserta mendapat penjelasan mengenai {T}, {T}, {T}, dan {T}, lalu mengikuti {ACT}.
""", "\n")
QUOTES = _items("""
Kami ingin {T}, {T}, dan {T} benar-benar dipahami setiap keluarga, bukan hanya petugas.
Persoalan {T} dan {T} tidak bisa diselesaikan sendiri oleh pemerintah, perlu dukungan {S} dalam {T}.
Jangan ragu melapor jika melihat {T}, {T}, atau {T} di lingkungan sekitar.
Tahun ini kami menargetkan {T}, {T}, dan {T} bisa ditangani, termasuk {T}.
Kuncinya ada pada {T}, {T}, dan kepedulian warga terhadap {T}.
Kami sudah menyiapkan {T}, {T}, serta {T} agar warga lebih mudah mendapatkan layanan {NAME}.
Setiap laporan tentang {T} dan {T} akan kami tindak lanjuti paling lambat dalam {DAYS} hari.
Kami tidak ingin ada lagi warga yang dirugikan karena kurang memahami {T}, {T}, dan {T}.
""", "\n")
AGENCY_FACTS = _items("""
{ROLE} {AG} {HEAD} menyebutkan, sepanjang {YEAR} pihaknya mencatat {CASES} laporan terkait {T} dan {T}.
{ROLE} {AG} {HEAD} mengatakan, pihaknya telah menyiapkan {T}, {T}, dan {T} di {SMALL} titik.
Menurut {ROLE} {AG} {HEAD}, jumlah laporan tentang {T} dan {T} pada {YEAR} mencapai {CASES} kasus.
""", "\n")
AGENCY_MORE = _items("""
Dari jumlah tersebut, sebagian besar berkaitan dengan {T}, {T}, dan {T}.
Sebagian di antaranya sudah ditangani melalui {T} dan {T}, sementara sisanya masih dalam proses {T}.
Data itu menjadi dasar penyusunan program {T} dan {T} pada tahun berikutnya.
""", "\n")
CITIZEN = _items("""
Salah satu peserta, {CITIZEN}, warga {L}, mengaku baru memahami {T}, {T}, dan {T} setelah mengikuti kegiatan itu.
{CITIZEN}, warga {L}, mengatakan kegiatan seperti ini membantu warga mengenali {T}, {T}, dan {T}.
""", "\n")
CITIZEN_MORE = _items("""
Ia berencana membagikan informasi tentang {T} dan {T} kepada tetangga dan anggota {GATHER}.
Ia berharap kegiatan tentang {T}, {T}, dan {T} digelar rutin di lingkungannya.
""", "\n")
CLOSING = _items("""
{OFFF} berharap {T}, {T}, dan {T} terus diperkuat {TIME}, {OUT}.
{OFFF} meminta setiap kelurahan menindaklanjuti kegiatan {NAME} dengan {T}, {T}, dan {T}.
Pemerintah juga akan mengevaluasi {T}, {T}, dan {T} secara berkala bersama {S}.
""", "\n")
SUMMARY = _items("""
{ORG} {V} {T} dan {T} di {SMALL} kelurahan dengan melibatkan sekitar {CROWD} {PART}.
{ORG} {LEADV} warga {INVITE} {NAMEA}, terutama {T} dan {T}.
Sebanyak {CROWD} {PART} mengikuti kegiatan tentang {T} dan {T} di {L}.
""", "\n")
LINKS = _items("""
Informasi lengkap mengenai {T} dapat dilihat di [laman resmi {AG}]({URL}).
Warga juga dapat mengisi [formulir pengaduan daring]({URL}) untuk melaporkan {T}.
Panduan tentang {T} dan {T} tersedia di [situs {AG}]({URL}).
""", "\n")
_SLOT = re.compile(r"\{([A-Z]+)\}")


def _compile(templates: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Split each template into literal text (even positions) and slot names (odd positions)."""
    return tuple(tuple(_SLOT.split(template)) for template in templates)


COMPILED = {name: _compile(templates) for name, templates in {
    "lead": LEAD, "lead_more": LEAD_MORE, "narrative": NARRATIVE, "event": EVENT, "event_more": EVENT_MORE,
    "quote": QUOTES, "agency": AGENCY_FACTS, "agency_more": AGENCY_MORE, "citizen": CITIZEN,
    "citizen_more": CITIZEN_MORE, "closing": CLOSING, "summary": SUMMARY, "link": LINKS,
    "general_title": GENERAL_TITLES,
}.items()}

BASE_POOLS: dict[str, tuple[str, ...]] = {
    "S": SUBJECTS, "V": VERBS, "O": OBJECTS, "PLACE": PLACES, "TIME": TIMES, "CONN": CONNECTORS,
    "OUT": OUTCOMES, "MANNER": MANNERS, "PART": PARTICIPANTS, "ACT": ACTIVITIES, "GATHER": GATHERINGS,
    "INVITE": INVITES, "LEADV": LEAD_VERBS, "ROLE": HEAD_ROLES, "SMALL": SMALL_NUMBERS, "CROWD": CROWD_NUMBERS,
    "CASES": CASE_NUMBERS, "DAYS": DAY_NUMBERS,
}


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens (the texts here are ASCII already)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar (JSON escapes are valid YAML escapes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Writer:
    """Fills templates for one bulletin from its own random generator."""

    def __init__(self, rng: random.Random, pools: dict[str, tuple[str, ...]]):
        self.rng = rng
        self.pools = pools

    def fill(self, parts: tuple[str, ...], capitalize: bool = True) -> str:
        """The template with its slots filled; topical words do not repeat within a sentence."""
        rng, pools = self.rng, self.pools
        topical = iter(rng.sample(pools["T"], parts.count("T")))
        text = "".join([part if position % 2 == 0 else next(topical) if part == "T" else rng.choice(pools[part])
                        for position, part in enumerate(parts)])
        return text[0].upper() + text[1:] if capitalize else text

    def sentence(self, kind: str, capitalize: bool = True) -> str:
        return self.fill(self.rng.choice(COMPILED[kind]), capitalize)

    def sentences(self, kind: str, count: int) -> list[str]:
        """count different templates of one kind, in random order."""
        return [self.fill(parts) for parts in self.rng.sample(COMPILED[kind], count)]

    def quote(self, first: str, second: str, speaker: str) -> str:
        """Two sentences in quotation marks, with the speaker: “…,” kata Wali Kota … ."""
        tail = self.rng.choice(QUOTE_TAILS)
        return f"“{first} {second[:-1]},” {self.rng.choice(SAY)} {speaker}{' ' + tail if tail else ''}."


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def bulletin_text(index: int, seed: int = 7) -> tuple[str, str]:
    """The relative path ("content/<year>/<slug>.md") and the text of bulletin number `index` (from 0)."""
    rng = random.Random(seed * SEED_STRIDE + index)
    topic = TOPICS[rng.randrange(len(TOPICS))]
    region = rng.choice(JAKARTA_REGIONS if rng.random() < 0.5 else OTHER_REGIONS)
    day = date.fromordinal(FIRST_DAY + rng.randrange(DAY_COUNT))
    published = f"{day.isoformat()} {rng.randint(7, 21):02d}:{rng.randrange(0, 60, 5):02d}"
    event_day = day - timedelta(days=rng.randint(0, 2))
    agency = region.agency(topic.agency)
    head = _person(rng)
    official_first = region.official.split()[0]

    pools = dict(BASE_POOLS)
    pools.update({
        "T": topic.words, "L": region.localities, "AG": (agency,), "ORG": (region.org_short,),
        "ORGL": (region.org_long,), "NAMEA": (topic.full_name,), "LABEL": (topic.label,),
        "NAME": (topic.name,), "HEAD": (head,), "OFFF": (official_first,), "CITIZEN": FIRST_NAMES,
        "YEAR": (str(day.year),), "DAY": (WEEKDAYS[event_day.weekday()],),
        "DM": (f"{event_day.day}/{event_day.month}",), "URL": (f"https://example.org/{slugify(agency)}/{topic.key}",),
    })
    writer = _Writer(rng, pools)

    if rng.random() < 0.6:
        headline = f"{region.org_short} {rng.choice(topic.titles)}"
    else:
        headline = f"{region.org_short} {writer.sentence('general_title', capitalize=False)}"
    if rng.random() < 0.3:
        headline += f" di {rng.choice(region.localities)}"

    quotes = writer.sentences("quote", 4)  # four different quotes for the two speakers
    opening = [
        " ".join([writer.sentence("lead"), writer.sentence("lead_more")]),
        " ".join([writer.sentence("event"), writer.sentence("event_more")]),
        writer.quote(quotes[0], quotes[1], f"{region.official_title} {region.official}"),
    ]
    agency_facts = " ".join([writer.sentence("agency"), writer.sentence("agency_more")])
    agency_quote = writer.quote(quotes[2], quotes[3], head.split()[0])
    ending = [" ".join([writer.sentence("citizen"), writer.sentence("citizen_more")]), writer.sentence("closing")]
    if rng.random() < 0.4:  # bold the main clause of the closing
        subject, _, rest = ending[1].partition(" ")
        ending[1] = f"**{subject} {rest[:-1]}**."

    # Narrative paragraphs bring the text to about 400 words, 8 to 12 paragraphs in all.
    narrative_count = rng.randint(1, 5)
    target = rng.randint(360, 440)
    words = sum(paragraph.count(" ") + 1 for paragraph in [*opening, agency_facts, agency_quote, *ending])
    sentences: list[str] = []
    for parts in rng.sample(COMPILED["narrative"], len(COMPILED["narrative"])):  # no pattern twice
        if len(sentences) >= 6 * narrative_count or (len(sentences) >= 2 * narrative_count and words >= target):
            break
        sentences.append(writer.fill(parts))
        words += sentences[-1].count(" ") + 1
    size, extra = divmod(len(sentences), narrative_count)
    narratives = []
    for number in range(narrative_count):
        take = size + (number < extra)
        narratives.append(" ".join(sentences[:take]))
        del sentences[:take]
    before_agency = rng.randint(0, narrative_count)
    if rng.random() < 0.35:  # a link in a narrative paragraph
        narratives[rng.randrange(narrative_count)] += " " + writer.sentence("link")
    paragraphs = [*opening, *narratives[:before_agency], agency_facts, agency_quote,
                  *narratives[before_agency:], *ending]

    reporters = rng.sample(REPORTERS, 2 if rng.random() < 0.15 else 1)
    groups = rng.sample(topic.groups, min(len(topic.groups), rng.choice((1, 1, 2))))
    tags = [topic.tag, *groups] + ([NOISE_TAG] if rng.random() < 0.5 else [])
    lines = [
        "---",
        f"title: {_yaml_string(headline)}",
        f"date: {published}",
        f"reporter: {reporters[0] if len(reporters) == 1 else '[' + ', '.join(reporters) + ']'}",
        f"editor: {rng.choice(EDITORS)}",
        f"region: {region.name}",
        f"tags: [{', '.join(tags)}]",
    ]
    if rng.random() < 0.9:
        source = f"Humas {region.org_short}" if rng.random() < 0.7 else rng.choice((*SOURCES_OTHER, agency))
        lines.append(f"source: {source}")
    if rng.random() < 0.9:
        lines.append(f"dateline: {region.dateline}")
    if rng.random() < 0.5:
        lines.append(f"summary: {_yaml_string(writer.sentence('summary'))}")
    lines.append("---")

    slug = "-".join([*slugify(headline).split("-")[:7], str(index)])
    text = "\n".join(lines) + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return f"content/{day.year}/{slug}.md", text


def site_toml(count: int, seed: int) -> str:
    """The configuration of the corpus site."""
    regions = "".join(f'  "{region.name}",\n' for region in REGIONS)
    return (f"# Benchmark corpus written by bench/corpus.py --count {count} --seed {seed}\n"
            f'title = "{SITE_TITLE}"\n'
            f'base_url = "{BASE_URL}"\n'
            f"regions = [\n{regions}]\n")


def generate_corpus(count: int, folder: Path, seed: int = 7) -> None:
    """Write site.toml and `count` bulletins under folder/content/, one at a time.

    Raises FileExistsError if folder/content already holds files, so corpora never mix.
    """
    folder = Path(folder)
    content = folder / "content"
    if content.is_dir() and any(content.iterdir()):
        raise FileExistsError(f"{content} is not empty; use a new folder or delete it first")
    content.mkdir(parents=True, exist_ok=True)
    (folder / "site.toml").write_text(site_toml(count, seed), encoding="utf-8", newline="\n")
    made: set[str] = set()
    for index in range(count):
        relative, text = bulletin_text(index, seed)
        directory = relative.rpartition("/")[0]
        if directory not in made:
            (folder / directory).mkdir(parents=True, exist_ok=True)
            made.add(directory)
        with open(folder / relative, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a reproducible synthetic bulletin site for benchmarks.")
    parser.add_argument("--count", type=int, default=1000, help="number of bulletins (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--output", type=Path, required=True, help="folder to create the site in")
    arguments = parser.parse_args(argv)
    if arguments.count < 0:
        parser.error("--count must be 0 or more")
    started = time.perf_counter()
    try:
        generate_corpus(arguments.count, arguments.output, arguments.seed)
    except FileExistsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {arguments.count} bulletins to {arguments.output} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
