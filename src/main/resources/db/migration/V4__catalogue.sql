-- Injection sites the service offers. Seeded with every site the service's public pages name, plus
-- the common others. SNOMED CT codes only where the clinical fact sheet gives them (rows CD-03..13).
create table injection_site (
    code               varchar(40)  primary key,
    name               varchar(120) not null,
    region             varchar(40)  not null,
    structure          varchar(20)  not null check (structure in ('JOINT', 'BURSA', 'TENDON', 'TENDON_SHEATH', 'FASCIA', 'NERVE')),
    usual_guidance     varchar(20)  not null check (usual_guidance in ('ULTRASOUND', 'FLUOROSCOPY', 'CT', 'LANDMARK')),
    other_guidance     varchar(80)  not null default '',
    has_side           boolean      not null,
    spinal_level       boolean      not null default false,
    joint_size         varchar(12)  not null check (joint_size in ('SMALL', 'MEDIUM', 'LARGE', 'SOFT_TISSUE', 'SPINE')),
    bleeding_class     varchar(24)  not null check (bleeding_class in ('PERIPHERAL', 'SOFT_TISSUE', 'THORACOLUMBAR_FACET', 'CERVICAL_FACET', 'SACROILIAC')),
    snomed_code        varchar(18),
    snomed_fact_row    varchar(8),
    named_on_seed      boolean      not null default false,
    sort_order         int          not null
);

insert into injection_site (code, name, region, structure, usual_guidance, other_guidance, has_side, spinal_level, joint_size, bleeding_class, snomed_code, snomed_fact_row, named_on_seed, sort_order) values
-- CT guided (seed: facet joint (spine), sacroiliac joint)
('FACET_LUMBAR',        'Lumbar facet joint',                       'Spine',          'JOINT',         'CT',          'FLUOROSCOPY',            true,  true,  'SPINE',       'THORACOLUMBAR_FACET', '428001008', 'CD-09', true,  10),
('FACET_THORACIC',      'Thoracic facet joint',                     'Spine',          'JOINT',         'CT',          'FLUOROSCOPY',            true,  true,  'SPINE',       'THORACOLUMBAR_FACET', '428132006', 'CD-09', true,  11),
('FACET_CERVICAL',      'Cervical facet joint',                     'Spine',          'JOINT',         'CT',          'FLUOROSCOPY',            true,  true,  'SPINE',       'CERVICAL_FACET',      '427091002', 'CD-09', true,  12),
('SACROILIAC',          'Sacroiliac joint',                         'Pelvis',         'JOINT',         'CT',          'FLUOROSCOPY',            true,  false, 'SPINE',       'SACROILIAC',          '39723000',  'CD-10', true,  13),
-- X-ray guided (seed: wrist and hand, hip, ankle and foot)
('HIP_JOINT',           'Hip joint',                                'Hip',            'JOINT',         'FLUOROSCOPY', 'ULTRASOUND',             true,  false, 'LARGE',       'PERIPHERAL',          '24136001',  'CD-07', true,  20),
('WRIST_JOINT',         'Wrist joint',                              'Wrist and hand', 'JOINT',         'FLUOROSCOPY', 'ULTRASOUND,LANDMARK',    true,  false, 'MEDIUM',      'PERIPHERAL',          '74670003',  'CD-11', true,  21),
('HAND_SMALL_JOINT',    'Hand small joint (MCP or IP)',             'Wrist and hand', 'JOINT',         'FLUOROSCOPY', 'ULTRASOUND,LANDMARK',    true,  false, 'SMALL',       'PERIPHERAL',          null,        null,    true,  22),
('THUMB_BASE',          'Thumb base (first carpometacarpal) joint', 'Wrist and hand', 'JOINT',         'FLUOROSCOPY', 'ULTRASOUND',             true,  false, 'SMALL',       'PERIPHERAL',          null,        null,    false, 23),
('ANKLE_JOINT',         'Ankle (tibiotalar) joint',                 'Ankle and foot', 'JOINT',         'FLUOROSCOPY', 'ULTRASOUND,LANDMARK',    true,  false, 'LARGE',       'PERIPHERAL',          '70258002',  'CD-12', true,  24),
('SUBTALAR_JOINT',      'Subtalar joint',                           'Ankle and foot', 'JOINT',         'FLUOROSCOPY', 'ULTRASOUND',             true,  false, 'MEDIUM',      'PERIPHERAL',          null,        null,    true,  25),
('FOOT_SMALL_JOINT',    'Midfoot or toe joint',                     'Ankle and foot', 'JOINT',         'FLUOROSCOPY', 'ULTRASOUND',             true,  false, 'SMALL',       'PERIPHERAL',          null,        null,    true,  26),
-- Ultrasound guided (seed: shoulder subacromial bursa; hip trochanteric bursa, gluteal and psoas
-- tendons; wrist and hand joints and tendons; knee pes anserine bursa; ankle and foot joints and tendons)
('SUBACROMIAL_BURSA',   'Shoulder subacromial bursa',               'Shoulder',       'BURSA',         'ULTRASOUND',  'LANDMARK',               true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    true,  30),
('TROCHANTERIC_BURSA',  'Greater trochanteric bursa',               'Hip',            'BURSA',         'ULTRASOUND',  'LANDMARK',               true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         '446003',    'CD-06', true,  31),
('GLUTEAL_TENDON',      'Gluteal tendons (peritendinous)',          'Hip',            'TENDON',        'ULTRASOUND',  '',                       true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    true,  32),
('PSOAS_TENDON',        'Iliopsoas tendon and bursa',               'Hip',            'TENDON',        'ULTRASOUND',  '',                       true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    true,  33),
('WRIST_TENDON_SHEATH', 'Wrist tendon sheath (e.g. de Quervain)',   'Wrist and hand', 'TENDON_SHEATH', 'ULTRASOUND',  'LANDMARK',               true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    true,  34),
('FLEXOR_TENDON_SHEATH','Finger flexor tendon sheath (trigger finger)','Wrist and hand','TENDON_SHEATH','ULTRASOUND',  'LANDMARK',               true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    true,  35),
('PES_ANSERINE_BURSA',  'Knee pes anserine bursa',                  'Knee',           'BURSA',         'ULTRASOUND',  'LANDMARK',               true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    true,  36),
('ANKLE_TENDON_SHEATH', 'Ankle tendon sheath (peroneal, tibialis posterior)', 'Ankle and foot', 'TENDON_SHEATH', 'ULTRASOUND', '',          true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    true,  37),
('PLANTAR_FASCIA',      'Plantar fascia',                           'Ankle and foot', 'FASCIA',        'ULTRASOUND',  'LANDMARK',               true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    false, 38),
('MORTON_NEUROMA',      'Intermetatarsal (Morton''s) neuroma',      'Ankle and foot', 'NERVE',         'ULTRASOUND',  'LANDMARK',               true,  false, 'SOFT_TISSUE', 'SOFT_TISSUE',         null,        null,    false, 39),
-- Common others
('KNEE_JOINT',          'Knee joint',                               'Knee',           'JOINT',         'ULTRASOUND',  'LANDMARK,FLUOROSCOPY',   true,  false, 'LARGE',       'PERIPHERAL',          '49076000',  'CD-08', false, 40),
('GLENOHUMERAL_JOINT',  'Shoulder (glenohumeral) joint',            'Shoulder',       'JOINT',         'ULTRASOUND',  'FLUOROSCOPY,LANDMARK',   true,  false, 'LARGE',       'PERIPHERAL',          '85537004',  'CD-04', false, 41),
('ACROMIOCLAVICULAR',   'Acromioclavicular joint',                  'Shoulder',       'JOINT',         'ULTRASOUND',  'LANDMARK',               true,  false, 'SMALL',       'PERIPHERAL',          null,        null,    false, 42),
('ELBOW_JOINT',         'Elbow joint',                              'Elbow',          'JOINT',         'ULTRASOUND',  'LANDMARK,FLUOROSCOPY',   true,  false, 'MEDIUM',      'PERIPHERAL',          '16953009',  'CD-13', false, 43),
('FIRST_MTP_JOINT',     'Big toe (first metatarsophalangeal) joint','Ankle and foot', 'JOINT',         'ULTRASOUND',  'FLUOROSCOPY,LANDMARK',   true,  false, 'SMALL',       'PERIPHERAL',          null,        null,    false, 44),
('STERNOCLAVICULAR',    'Sternoclavicular joint',                   'Shoulder',       'JOINT',         'ULTRASOUND',  'CT',                     true,  false, 'SMALL',       'PERIPHERAL',          null,        null,    false, 45);
